using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>The kustomizations of k8s/, rendered with `kubectl kustomize` and parsed strictly with KubernetesClient.</summary>
public static class Manifests
{
    /// <summary>Every kustomization an operator deploys: the base and each overlay.</summary>
    public static TheoryData<string> All { get; } = ["base", "overlays/cpu", "overlays/gpu", "overlays/llm", "overlays/local"];

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<object>>> Rendered = new();

    /// <summary>The repository's k8s folder (found above the test binaries).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The objects <paramref name="kustomization"/> (relative to k8s/) renders to, each as its typed model.</summary>
    public static IReadOnlyList<object> Load(string kustomization) =>
        Rendered.GetOrAdd(kustomization, k => new Lazy<IReadOnlyList<object>>(() => Parse(Render(k)))).Value;

    public static IEnumerable<V1Deployment> Deployments(string kustomization) => Load(kustomization).OfType<V1Deployment>();

    public static V1Deployment Deployment(string kustomization, string name) => Deployments(kustomization).Single(d => d.Metadata.Name == name);

    /// <summary>Strict: an unknown field or a value of the wrong type throws.</summary>
    public static IReadOnlyList<object> Parse(string yaml) => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);

    /// <summary>`kubectl kustomize k8s/<paramref name="kustomization"/>`.</summary>
    public static string Render(string kustomization)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(Root, kustomization)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("kubectl (with its built-in kustomize) is needed to render k8s/: it is on the development and CI machine image (Debian package kubectl).", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"kubectl kustomize k8s/{kustomization} failed ({process.ExitCode}): {error.Result}");
        }
    }

    /// <summary>Whether <paramref name="selector"/> selects a pod with <paramref name="labels"/> (matchLabels and In/NotIn/Exists/DoesNotExist).</summary>
    public static bool Selects(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        if (selector is null)
        {
            return false;
        }

        var byLabel = (selector.MatchLabels ?? new Dictionary<string, string>()).All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
        var byExpression = (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException($"unknown selector operator {e.OperatorProperty}"),
        });
        return byLabel && byExpression;
    }

    /// <summary>The value of the container's environment variable <paramref name="name"/>, or null.</summary>
    public static string? Env(V1Container container, string name) => container.Env?.SingleOrDefault(e => e.Name == name)?.Value;

    /// <summary>The value of <paramref name="key"/> in a label or annotation map, or null.</summary>
    public static string? Get(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var k8s = Path.Combine(dir.FullName, "k8s", "base", "kustomization.yaml");
            if (File.Exists(k8s))
            {
                return Path.Combine(dir.FullName, "k8s");
            }
        }

        throw new DirectoryNotFoundException("No k8s/base/kustomization.yaml above the test binaries.");
    }
}

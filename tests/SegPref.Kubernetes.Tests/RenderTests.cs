using k8s;
using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>Every kustomization renders with `kubectl kustomize` and every object parses strictly as its Kubernetes type.</summary>
public sealed class RenderTests
{
    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Render_Kustomization_ParsesStrictlyIntoTheMeshObjects(string kustomization)
    {
        var objects = Manifests.Load(kustomization);

        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.Equal(
            ["segpref-audio", "segpref-captioner", "segpref-gateway", "segpref-segmentation", "segpref-textcues"],
            Manifests.Deployments(kustomization).Select(d => d.Metadata.Name).Where(n => n != "segpref-llm").Order());
        Assert.Equal(5, objects.OfType<V2HorizontalPodAutoscaler>().Count());
        Assert.NotEmpty(objects.OfType<V1NetworkPolicy>());
    }

    [Fact]
    public void Parse_MisspelledField_Throws()
    {
        const string Yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: typo
            spec:
              selector:
                matchLabels: {app: typo}
              template:
                metadata:
                  labels: {app: typo}
                spec:
                  containers:
                    - name: app
                      image: app:1.0
                      imagePulPolicy: Never
            """;

        Assert.ThrowsAny<Exception>(() => Manifests.Parse(Yaml));
    }

    [Fact]
    public void Parse_WrongValueType_Throws()
    {
        const string Yaml = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: typo
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: typo}
              minReplicas: one
              maxReplicas: 2
            """;

        Assert.ThrowsAny<Exception>(() => Manifests.Parse(Yaml));
    }

    [Fact]
    public void Render_OnlyLlmOverlay_DeploysTheModelServer()
    {
        Assert.Contains(Manifests.Deployments("overlays/llm"), d => d.Metadata.Name == "segpref-llm");
        foreach (var other in new[] { "base", "overlays/cpu", "overlays/gpu", "overlays/local" })
        {
            Assert.DoesNotContain(Manifests.Deployments(other), d => d.Metadata.Name == "segpref-llm");
        }
    }
}

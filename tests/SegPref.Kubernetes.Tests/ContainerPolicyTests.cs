using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>Every container: requests, limits, probes, non-root, read-only root, pinned image; Services name the container ports.</summary>
public sealed class ContainerPolicyTests
{
    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Containers_Every_HasCpuAndMemoryRequestsAndLimits(string kustomization)
    {
        foreach (var (deployment, container) in Containers(kustomization, includeInit: true))
        {
            var where = $"{deployment}/{container.Name}";
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{where}: no {resource} request");
                Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{where}: no {resource} limit");
                Assert.True(container.Resources.Requests[resource].ToDecimal() <= container.Resources.Limits[resource].ToDecimal(), $"{where}: {resource} request above its limit");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Containers_Every_HasReadinessAndLivenessProbes(string kustomization)
    {
        foreach (var (deployment, container) in Containers(kustomization, includeInit: false))
        {
            Assert.True(container.ReadinessProbe is not null, $"{deployment}/{container.Name}: no readiness probe");
            Assert.True(container.LivenessProbe is not null, $"{deployment}/{container.Name}: no liveness probe");
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Containers_Every_NonRootReadOnlyRootNoPrivilegeEscalationNoCapabilities(string kustomization)
    {
        foreach (var deployment in Manifests.Deployments(kustomization))
        {
            var pod = deployment.Spec.Template.Spec;
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                var where = $"{deployment.Metadata.Name}/{container.Name}";
                var nonRoot = container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot;
                var user = container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser;
                Assert.True(nonRoot == true, $"{where}: runAsNonRoot is not set");
                Assert.True(user is > 0, $"{where}: runs as root (runAsUser {user})");
                Assert.True(container.SecurityContext?.ReadOnlyRootFilesystem == true, $"{where}: the root filesystem is writable");
                Assert.True(container.SecurityContext?.AllowPrivilegeEscalation == false, $"{where}: may escalate privileges");
                Assert.Equal(["ALL"], container.SecurityContext?.Capabilities?.Drop ?? []);
            }

            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{deployment.Metadata.Name}: mounts a service account token it does not use");
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Images_Every_PinnedToAVersionTag(string kustomization)
    {
        foreach (var (deployment, container) in Containers(kustomization, includeInit: true))
        {
            var image = container.Image;
            var slash = image.LastIndexOf('/');
            var colon = image.IndexOf(':', slash + 1);
            Assert.True(colon > 0, $"{deployment}/{container.Name}: image {image} has no tag");
            var tag = image[(colon + 1)..];
            Assert.NotEqual("latest", tag);
            Assert.Matches(@"^v?\d+\.\d+\.\d+(-[a-z0-9]+)?$", tag);
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Images_MeshImages_AreTheOnesBuildImagesMakes(string kustomization)
    {
        var env = File.ReadAllText(Path.Combine(Manifests.Root, "..", "containers", "images.env"));
        var tag = System.Text.RegularExpressions.Regex.Match(env, @"^TAG=(\S+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        foreach (var (deployment, container) in Containers(kustomization, includeInit: true).Where(c => c.Container.Image.StartsWith("segpref-", StringComparison.Ordinal)))
        {
            var (name, imageTag) = (container.Image.Split(':')[0], container.Image.Split(':')[1]);
            Assert.True(env.Contains($"\n{name} ", StringComparison.Ordinal) || env.Contains($"MODELS_IMAGE={name}\n", StringComparison.Ordinal), $"{deployment}: build-images.sh makes no {name}");
            Assert.True(imageTag == tag || imageTag == $"{tag}-gpu", $"{deployment}: {container.Image} is not tagged {tag}");
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Services_EveryPort_NamesAContainerPortOfTheSelectedPods(string kustomization)
    {
        var deployments = Manifests.Deployments(kustomization).ToList();
        foreach (var service in Manifests.Load(kustomization).OfType<V1Service>())
        {
            var selected = deployments.Where(d => Manifests.Selects(new V1LabelSelector { MatchLabels = service.Spec.Selector }, d.Spec.Template.Metadata.Labels)).ToList();
            Assert.True(selected.Count == 1, $"service {service.Metadata.Name} selects {selected.Count} deployments");
            var ports = selected[0].Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).ToList();
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var container = ports.SingleOrDefault(p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
                Assert.True(container is not null, $"service {service.Metadata.Name} port {port.Name}: no container port {target}");
                Assert.Equal(container.Name, port.Name);
                Assert.Equal(container.ContainerPort, port.Port);
            }
        }
    }

    internal static IEnumerable<(string Deployment, V1Container Container)> Containers(string kustomization, bool includeInit) =>
        Manifests.Deployments(kustomization).SelectMany(d => (includeInit ? d.Spec.Template.Spec.InitContainers ?? [] : [])
            .Concat(d.Spec.Template.Spec.Containers)
            .Select(c => (d.Metadata.Name, c)));
}

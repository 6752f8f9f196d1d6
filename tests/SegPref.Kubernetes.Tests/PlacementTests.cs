using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>GPUs only where a model gains; per-call balancing through headless Services; the local overlay's pod names.</summary>
public sealed class PlacementTests
{
    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Gpus_TextCuesAndGateway_NeverRequestOne(string kustomization)
    {
        foreach (var name in new[] { "segpref-textcues", "segpref-gateway" })
        {
            var pod = Manifests.Deployment(kustomization, name).Spec.Template.Spec;
            Assert.All(pod.Containers, c => Assert.False(Gpus(c) > 0, $"{name} requests a GPU"));
            Assert.Null(pod.NodeSelector);
            Assert.Null(pod.Tolerations);
        }
    }

    [Theory]
    [InlineData("base", new string[0])]
    [InlineData("overlays/cpu", new string[0])]
    [InlineData("overlays/local", new string[0])]
    [InlineData("overlays/gpu", new[] { "segpref-audio", "segpref-segmentation" })]
    [InlineData("overlays/llm", new[] { "segpref-llm" })]
    public void Gpus_Requested_ExactlyWhereTheOverlaySays(string kustomization, string[] expected)
    {
        var withGpu = Manifests.Deployments(kustomization).Where(d => d.Spec.Template.Spec.Containers.Any(c => Gpus(c) > 0)).Select(d => d.Metadata.Name).Order();

        Assert.Equal(expected, withGpu);
        foreach (var deployment in Manifests.Deployments(kustomization).Where(d => expected.Contains(d.Metadata.Name)))
        {
            var pod = deployment.Spec.Template.Spec;
            var container = pod.Containers.Single();
            Assert.Equal(1, Gpus(container));
            Assert.Equal(container.Resources.Requests["nvidia.com/gpu"], container.Resources.Limits["nvidia.com/gpu"]);
            Assert.Equal("true", pod.NodeSelector["nvidia.com/gpu.present"]);
            Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule");
            if (deployment.Metadata.Name != "segpref-llm")
            {
                Assert.EndsWith("-gpu", container.Image, StringComparison.Ordinal);
                Assert.Equal("Cuda", Manifests.Env(container, "Models__Provider"));
            }
        }
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/cpu")]
    [InlineData("overlays/gpu")]
    [InlineData("overlays/llm")]
    public void Balancing_PipelineStages_DnsAddressesOfHeadlessServices(string kustomization)
    {
        var services = Manifests.Load(kustomization).OfType<V1Service>().ToDictionary(s => s.Metadata.Name);
        var pipeline = Manifests.Deployment(kustomization, "segpref-segmentation").Spec.Template.Spec.Containers.Single();
        foreach (var (setting, service) in new[] { ("Pipeline__CaptionerUrl", "segpref-captioner"), ("Pipeline__TextCuesUrl", "segpref-textcues"), ("Pipeline__AudioEncoderUrl", "segpref-audio") })
        {
            Assert.Equal($"dns:///{service}:{services[service].Spec.Ports.Single().Port}", Manifests.Env(pipeline, setting));
            Assert.Equal("None", services[service].Spec.ClusterIP);
        }

        Assert.Equal("None", services["segpref-segmentation"].Spec.ClusterIP);
        Assert.True(double.Parse(Manifests.Env(pipeline, "Pipeline__DnsRefreshSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/cpu")]
    [InlineData("overlays/gpu")]
    [InlineData("overlays/llm")]
    public void Balancing_GatewayDestinations_HeadlessServicesResolvedPeriodically(string kustomization)
    {
        var services = Manifests.Load(kustomization).OfType<V1Service>().ToDictionary(s => s.Metadata.Name);
        var gateway = Manifests.Deployment(kustomization, "segpref-gateway").Spec.Template.Spec.Containers.Single();
        var destinations = gateway.Env.Where(e => e.Name.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal) && e.Name.EndsWith("__Address", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, destinations.Count);
        Assert.All(destinations, d =>
        {
            var uri = new Uri(d.Value);
            Assert.Equal("None", services[uri.Host].Spec.ClusterIP);
            Assert.Equal(services[uri.Host].Spec.Ports.Single().Port, uri.Port);
        });
        Assert.True(double.Parse(Manifests.Env(gateway, "Gateway__DnsRefreshSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Local_PodmanPodNames_AddressTheStagesAndModelsComeFromTheImage()
    {
        const string Local = "overlays/local";
        var pipeline = Manifests.Deployment(Local, "segpref-segmentation").Spec.Template.Spec.Containers.Single();
        var gateway = Manifests.Deployment(Local, "segpref-gateway").Spec.Template.Spec.Containers.Single();

        Assert.Equal("dns:///segpref-audio-pod-0:5103", Manifests.Env(pipeline, "Pipeline__AudioEncoderUrl"));
        Assert.Equal("http://segpref-segmentation-pod-0:5104", Manifests.Env(gateway, "ReverseProxy__Clusters__pipeline__Destinations__d1__Address"));
        Assert.Contains(gateway.Ports, p => p.HostPort == 18080 && p.HostIP == "127.0.0.1");
        Assert.Empty(Manifests.Load(Local).OfType<V1PersistentVolumeClaim>());
        foreach (var name in new[] { "segpref-captioner", "segpref-textcues", "segpref-audio", "segpref-segmentation" })
        {
            var pod = Manifests.Deployment(Local, name).Spec.Template.Spec;
            Assert.Equal("segpref-models-small:0.1.0", pod.InitContainers.Single().Image);
            Assert.NotNull(pod.Volumes.Single(v => v.Name == "models").EmptyDir);
        }
    }

    [Fact]
    public void Llm_TextCues_PointAtTheServerServiceAndItsServedModel()
    {
        const string Llm = "overlays/llm";
        var textcues = Manifests.Deployment(Llm, "segpref-textcues").Spec.Template.Spec.Containers.Single();
        var server = Manifests.Deployment(Llm, "segpref-llm").Spec.Template.Spec.Containers.Single();
        var service = Manifests.Load(Llm).OfType<V1Service>().Single(s => s.Metadata.Name == "segpref-llm");
        var url = new Uri(Manifests.Env(textcues, "TextCues__OpenAi__BaseUrl")!);

        Assert.Equal(service.Metadata.Name, url.Host);
        Assert.Equal(service.Spec.Ports.Single().Port, url.Port);
        Assert.Contains($"--served-model-name={Manifests.Env(textcues, "TextCues__OpenAi__Model")}", server.Args);
        Assert.Equal("lexicon", Manifests.Env(textcues, "TextCues__Fallback"));
        Assert.Contains("/v1/chat/completions", string.Join(' ', server.ReadinessProbe.Exec.Command), StringComparison.Ordinal);
        Assert.Equal("1", Manifests.Env(server, "HF_HUB_OFFLINE"));
    }

    private static int Gpus(V1Container container) =>
        container.Resources?.Limits?.TryGetValue("nvidia.com/gpu", out var limit) == true ? (int)limit.ToDecimal()
        : container.Resources?.Requests?.TryGetValue("nvidia.com/gpu", out var request) == true ? (int)request.ToDecimal()
        : 0;
}

using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>Default-deny ingress, every pod let in only where it is called from, egress to the LLM only with the LLM backend.</summary>
public sealed class NetworkPolicyTests
{
    private static readonly string[] Backends = ["segpref-captioner", "segpref-textcues", "segpref-audio"];

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Policies_DefaultDenyIngress_SelectsEveryPodOfTheNamespace(string kustomization)
    {
        var deny = Policies(kustomization).Where(p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 });

        Assert.Contains(deny, p => p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Policies_EveryPod_HasAnIngressRuleForEachOfItsPorts(string kustomization)
    {
        var policies = Policies(kustomization).ToList();
        foreach (var deployment in Manifests.Deployments(kustomization))
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            var allowed = policies.Where(p => Manifests.Selects(p.Spec.PodSelector, labels))
                .SelectMany(p => p.Spec.Ingress ?? [])
                .SelectMany(r => r.Ports ?? [])
                .Select(p => p.Port.Value)
                .ToHashSet();
            foreach (var port in deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []))
            {
                Assert.True(
                    allowed.Contains(port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)) || allowed.Contains(port.Name),
                    $"{deployment.Metadata.Name}: no NetworkPolicy lets anything in on port {port.ContainerPort}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Policies_Backends_AcceptOnlyTheGatewayThePipelineAndMonitoring(string kustomization)
    {
        var policies = Policies(kustomization).ToList();
        foreach (var name in Backends.Append("segpref-segmentation"))
        {
            var labels = Manifests.Deployment(kustomization, name).Spec.Template.Metadata.Labels;
            foreach (var rule in policies.Where(p => Manifests.Selects(p.Spec.PodSelector, labels)).SelectMany(p => p.Spec.Ingress ?? []))
            {
                Assert.NotNull(rule.FromProperty);
                Assert.NotEmpty(rule.FromProperty);
                foreach (var peer in rule.FromProperty)
                {
                    var caller = Manifests.Get(peer.PodSelector?.MatchLabels, "app.kubernetes.io/name");
                    var monitoring = Manifests.Get(peer.NamespaceSelector?.MatchLabels, "kubernetes.io/metadata.name") == "monitoring";
                    Assert.True(
                        monitoring ? caller == "prometheus" : peer.NamespaceSelector is null && caller is "segpref-gateway" or "segpref-segmentation",
                        $"{name} lets in {caller ?? "anything"}{(monitoring ? " from monitoring" : string.Empty)}");
                    Assert.False(caller == "segpref-segmentation" && name == "segpref-segmentation", "the segmentation service calls itself");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Policies_MetricsPorts_OpenToPrometheusInMonitoring(string kustomization)
    {
        var policies = Policies(kustomization).ToList();
        foreach (var deployment in Manifests.Deployments(kustomization))
        {
            var annotations = deployment.Spec.Template.Metadata.Annotations;
            Assert.True(Manifests.Get(annotations, "prometheus.io/scrape") == "true", $"{deployment.Metadata.Name} is not scraped");
            var port = annotations["prometheus.io/port"];
            Assert.Contains(
                policies.Where(p => Manifests.Selects(p.Spec.PodSelector, deployment.Spec.Template.Metadata.Labels)).SelectMany(p => p.Spec.Ingress ?? []),
                r => (r.FromProperty ?? []).Any(f => Manifests.Get(f.NamespaceSelector?.MatchLabels, "kubernetes.io/metadata.name") == "monitoring")
                    && (r.Ports ?? []).Any(p => p.Port.Value == port));
        }
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/cpu")]
    [InlineData("overlays/gpu")]
    [InlineData("overlays/local")]
    public void Policies_TextCuesOnTheLexicon_MayOnlyResolveNames(string kustomization)
    {
        var textcues = Manifests.Deployment(kustomization, "segpref-textcues");
        var egress = Policies(kustomization)
            .Where(p => p.Spec.PolicyTypes.Contains("Egress") && Manifests.Selects(p.Spec.PodSelector, textcues.Spec.Template.Metadata.Labels))
            .ToList();

        Assert.Equal("lexicon", Manifests.Env(textcues.Spec.Template.Spec.Containers[0], "TextCues__Backend"));
        Assert.NotEmpty(egress);
        Assert.All(egress.SelectMany(p => p.Spec.Egress ?? []).SelectMany(r => r.Ports ?? []), p => Assert.Equal("53", p.Port.Value));
    }

    [Fact]
    public void Policies_TextCuesOnTheLlm_MayReachTheModelServerPortOnly()
    {
        const string Llm = "overlays/llm";
        var textcues = Manifests.Deployment(Llm, "segpref-textcues");
        var server = Manifests.Deployment(Llm, "segpref-llm");
        var rules = Policies(Llm)
            .Where(p => p.Spec.PolicyTypes.Contains("Egress") && Manifests.Selects(p.Spec.PodSelector, textcues.Spec.Template.Metadata.Labels))
            .SelectMany(p => p.Spec.Egress ?? [])
            .ToList();
        var toServer = rules.Where(r => (r.To ?? []).Any(t => Manifests.Selects(t.PodSelector, server.Spec.Template.Metadata.Labels) && t.NamespaceSelector is null)).ToList();

        Assert.Equal("openai", Manifests.Env(textcues.Spec.Template.Spec.Containers[0], "TextCues__Backend"));
        Assert.Equal(["8000"], toServer.SelectMany(r => r.Ports).Select(p => p.Port.Value));
        Assert.All(rules.Except(toServer).SelectMany(r => r.Ports ?? []), p => Assert.Equal("53", p.Port.Value));
        var serverIngress = Policies(Llm).Where(p => Manifests.Selects(p.Spec.PodSelector, server.Spec.Template.Metadata.Labels)).SelectMany(p => p.Spec.Ingress ?? []).ToList();
        Assert.Contains(serverIngress, r => r.FromProperty.Any(f => Manifests.Selects(f.PodSelector, textcues.Spec.Template.Metadata.Labels) && f.NamespaceSelector is null));
        Assert.DoesNotContain(serverIngress, r => r.FromProperty.Any(f => Manifests.Get(f.PodSelector?.MatchLabels, "app.kubernetes.io/name") is "segpref-gateway" or "segpref-segmentation"));
    }

    private static IEnumerable<V1NetworkPolicy> Policies(string kustomization) => Manifests.Load(kustomization).OfType<V1NetworkPolicy>();
}

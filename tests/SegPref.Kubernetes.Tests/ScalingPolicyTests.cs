using k8s.Models;

namespace SegPref.Kubernetes.Tests;

/// <summary>HPAs aim at Deployments that exist, scale the model services on queueing with CPU as the fallback; PDBs select pods.</summary>
public sealed class ScalingPolicyTests
{
    private static readonly string[] ModelServices = ["segpref-captioner", "segpref-textcues", "segpref-audio", "segpref-segmentation"];

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Hpas_Every_TargetsADeploymentOfTheKustomizationWithBounds(string kustomization)
    {
        var deployments = Manifests.Deployments(kustomization).Select(d => d.Metadata.Name).ToHashSet();
        foreach (var hpa in Manifests.Load(kustomization).OfType<V2HorizontalPodAutoscaler>())
        {
            Assert.Equal("apps/v1", hpa.Spec.ScaleTargetRef.ApiVersion);
            Assert.Equal("Deployment", hpa.Spec.ScaleTargetRef.Kind);
            Assert.Contains(hpa.Spec.ScaleTargetRef.Name, deployments);
            Assert.InRange(hpa.Spec.MinReplicas ?? 1, 1, hpa.Spec.MaxReplicas);
            Assert.Contains(hpa.Spec.Metrics, m => m.Type == "Resource" && m.Resource.Name == "cpu");
        }

        Assert.Null(Manifests.Deployments(kustomization).FirstOrDefault(d => d.Spec.Replicas is not null && d.Metadata.Name != "segpref-llm"));
    }

    [Theory]
    [MemberData(nameof(Manifests.All), MemberType = typeof(Manifests))]
    public void Pdbs_Every_SelectsExactlyOneDeploymentAndLetsADrainProceed(string kustomization)
    {
        var deployments = Manifests.Deployments(kustomization).ToList();
        var pdbs = Manifests.Load(kustomization).OfType<V1PodDisruptionBudget>().ToList();
        foreach (var pdb in pdbs)
        {
            Assert.Single(deployments, d => Manifests.Selects(pdb.Spec.Selector, d.Spec.Template.Metadata.Labels));
            Assert.True(pdb.Spec.MaxUnavailable is not null || pdb.Spec.MinAvailable?.Value == "1", $"{pdb.Metadata.Name} could block every drain");
        }

        Assert.All(deployments, d => Assert.Contains(pdbs, p => Manifests.Selects(p.Spec.Selector, d.Spec.Template.Metadata.Labels)));
    }

    [Theory]
    [InlineData("overlays/cpu")]
    [InlineData("overlays/gpu")]
    [InlineData("overlays/llm")]
    public void Hpas_ModelServices_ScaleOnQueueMetricsThatTheAdapterRulesDefine(string kustomization)
    {
        var rules = File.ReadAllText(Path.Combine(Manifests.Root, "components", "queue-autoscaling", "prometheus-adapter-values.yaml"));
        var defined = System.Text.RegularExpressions.Regex.Matches(rules, @"^\s+as:\s*(\S+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var hpas = Manifests.Load(kustomization).OfType<V2HorizontalPodAutoscaler>().ToDictionary(h => h.Spec.ScaleTargetRef.Name);

        foreach (var service in ModelServices)
        {
            var pods = hpas[service].Spec.Metrics.Where(m => m.Type == "Pods").ToList();
            Assert.Equal(["segpref_pending_requests", "segpref_queue_compute_ratio"], pods.Select(m => m.Pods.Metric.Name).Order());
            Assert.All(pods, m => Assert.Contains(m.Pods.Metric.Name, defined));
            Assert.All(pods, m => Assert.Equal("AverageValue", m.Pods.Target.Type));
            Assert.NotNull(hpas[service].Spec.Behavior?.ScaleDown?.StabilizationWindowSeconds);
        }

        Assert.DoesNotContain(hpas["segpref-gateway"].Spec.Metrics, m => m.Type == "Pods");
    }

    [Fact]
    public void AdapterRules_QueueRatio_DividesQueueTimeByComputeTime()
    {
        var rules = File.ReadAllText(Path.Combine(Manifests.Root, "components", "queue-autoscaling", "prometheus-adapter-values.yaml"));

        Assert.Contains("sum(rate(nv_inference_queue_duration_us{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)", rules, StringComparison.Ordinal);
        Assert.Contains("/ clamp_min(sum(rate(nv_inference_compute_infer_duration_us{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>), 1)", rules, StringComparison.Ordinal);
    }
}

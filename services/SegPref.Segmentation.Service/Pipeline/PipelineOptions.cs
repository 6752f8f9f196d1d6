using System.ComponentModel.DataAnnotations;
using SegPref.Contracts.Mesh;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Where the pipeline finds the other stages and how long it waits (section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    [Required]
    public Uri CaptionerUrl { get; set; } = MeshPorts.Loopback(MeshPorts.Captioner);

    [Required]
    public Uri TextCuesUrl { get; set; } = MeshPorts.Loopback(MeshPorts.TextCues);

    [Required]
    public Uri AudioEncoderUrl { get; set; } = MeshPorts.Loopback(MeshPorts.AudioEncoder);

    /// <summary>
    /// Seconds between re-resolutions of a <c>dns:///</c> stage address (a headless Service: one address per ready
    /// pod), so replicas that appear are used without waiting for a connection to fail. Stage addresses may be
    /// <c>http://host:port</c> (one connection), <c>dns:///host:port</c> (round-robin over what the name resolves to)
    /// or <c>ipv4:ip:port,ip:port</c> (round-robin over a fixed list).
    /// </summary>
    [Range(1, 3600)]
    public double DnsRefreshSeconds { get; set; } = 30;

    /// <summary>Longest one stage call may take when the caller's own deadline is later (or absent).</summary>
    [Range(0.1, 3600)]
    public double StageTimeoutSeconds { get; set; } = 30;

    /// <summary>Connect timeout towards a stage: a stage that is down answers UNAVAILABLE quickly.</summary>
    [Range(0.1, 120)]
    public double ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// When captioning or text cues are unavailable, segment without text (all cue slots invalid) instead of failing,
    /// and flag the reply as degraded.
    /// </summary>
    public bool AllowAudioOnlyFallback { get; set; }

    /// <summary>
    /// Frames per window the served models were trained on, one per second (AVSBench and AVS-Synth: 5), reported by
    /// Describe so that clients cut long videos the same way.
    /// </summary>
    [Range(1, 1024)]
    public int WindowFrames { get; set; } = 5;
}

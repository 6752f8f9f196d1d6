using Google.Protobuf;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Mesh.Launcher.Tests;

/// <summary>Requests the launcher tests send through the real mesh.</summary>
internal static class TestRequests
{
    /// <summary>One 64x64 red frame and one second of silence at 16 kHz.</summary>
    public static PipelineRequest OneRedFrame()
    {
        var request = new PipelineRequest { Audio = new Audio { Pcm = new PcmAudio { Samples = Tensor.FromFloatSpan(new float[16000], 16000), SampleRateHz = 16000 } } };
        request.Frames.Add(new Image { Data = ByteString.CopyFrom(SegPref.Media.Imaging.ImageCodec.EncodePng(SegPref.Media.Imaging.RgbImage.Filled(64, 64, (200, 40, 40)))) });
        return request;
    }
}

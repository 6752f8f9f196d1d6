using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class ClassBreakdownTests
{
    private const int Size = 8;

    [Fact]
    public void Compute_TwoFrames_ScoresSoundingClassesAndPaintOnSilentBoxes()
    {
        // Frame 0: the dog (x 0..3, y 0..3) sounds, the guitar (x 4..7, y 4..7) is silent; the prediction is the dog
        // plus half of the guitar's box. Frame 1: the guitar sounds and nothing is painted.
        var dog = new FrameObject("dog", Sounding: true, Distractor: false, 0, 0, 4, 4);
        var silentGuitar = new FrameObject("guitar", Sounding: false, Distractor: false, 4, 4, 4, 4);
        var chair = new FrameObject("chair", Sounding: false, Distractor: true, 0, 4, 4, 4);
        var soundingGuitar = silentGuitar with { Sounding = true };
        var masks = new byte[2 * Size * Size];
        Fill(masks, 0, dog, 1);
        Fill(masks, 1, soundingGuitar, 1);
        var predicted = new float[Size * Size];
        Fill(predicted, dog, 0.9f);
        Fill(predicted, silentGuitar with { Height = 2 }, 0.9f);
        var frames = new SegmentationFrames(
            Size,
            new byte[2 * 3 * Size * Size],
            masks,
            [Record(0, dog, silentGuitar, chair), Record(1, soundingGuitar)],
            [(0, 2)]);

        var rows = ClassBreakdown.Compute(frames, [predicted, new float[Size * Size]]);

        Assert.Equal(["dog", "guitar"], rows.Select(r => r.Class));
        var dogRow = rows[0];
        Assert.Equal(1, dogRow.SoundingFrames);
        Assert.Equal(16.0 / 24.0, dogRow.SoundingJ!.Value, 9);
        Assert.Equal(0, dogRow.BlankFraction);
        Assert.Null(dogRow.SilentPaint);
        var guitarRow = rows[1];
        Assert.Equal(0.0, guitarRow.SoundingJ!.Value, 9);
        Assert.Equal(1, guitarRow.BlankFraction);
        Assert.Equal(1, guitarRow.SilentFrames);
        Assert.Equal(0.5, guitarRow.SilentPaint!.Value, 9);
    }

    [Fact]
    public void Compute_FramesWithoutObjects_SaysSo()
    {
        var frames = new SegmentationFrames(Size, new byte[3 * Size * Size], new byte[Size * Size], [new FrameRecord("c", 0, "x", [])], [(0, 1)]);

        var error = Assert.Throws<ArgumentException>(() => ClassBreakdown.Compute(frames, [new float[Size * Size]]));

        Assert.Contains("no object lists", error.Message, StringComparison.Ordinal);
    }

    private static FrameRecord Record(int index, params FrameObject[] objects) => new("clip", index, "d", []) { Objects = objects };

    private static void Fill(byte[] masks, int frame, FrameObject o, byte value)
    {
        for (var y = o.Y; y < o.Y + o.Height; y++)
        {
            for (var x = o.X; x < o.X + o.Width; x++)
            {
                masks[(frame * Size * Size) + (y * Size) + x] = value;
            }
        }
    }

    private static void Fill(float[] map, FrameObject o, float value)
    {
        for (var y = o.Y; y < o.Y + o.Height; y++)
        {
            for (var x = o.X; x < o.X + o.Width; x++)
            {
                map[(y * Size) + x] = value;
            }
        }
    }
}

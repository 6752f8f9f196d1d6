using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class ObjectTargetsTests
{
    public ObjectTargetsTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Kinds_Descriptions_AreTheDistinctNamedKindsSorted()
    {
        var kinds = ObjectTargets.Kinds(["a dog on the left and two chairs.", "a red guitar, a dog.", "a lamp with no piano in sight."]);

        Assert.Equal(["chair", "dog", "guitar", "lamp"], kinds);
    }

    [Fact]
    public void Batch_Rows_MarkTheNamedKindsOfEachFrame()
    {
        string[] kinds = ["chair", "dog", "guitar"];
        var rows = ObjectTargets.Rows(kinds, ["a dog and a chair.", "a guitar."]);

        using var batch = ObjectTargets.Batch(rows, [1, 0], kinds.Length);

        Assert.Equal([2L, 3L], batch.shape);
        Assert.Equal([0f, 0f, 1f, 1f, 1f, 0f], batch.data<float>().ToArray());
    }

    [Fact]
    public void ObjectLogits_ModelWithKinds_GivesOneLogitPerKind()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new Captioner(TinyCaptioning.Config() with { ObjectKinds = ["box", "dog", "lamp"] });
        model.eval();

        var (logits, objects) = model.ForwardWithObjects(randn(2, 3, 32, 32), randint(0, TinyCaptioning.Vocabulary.Count, [2, 5]));

        Assert.Equal([2L, 5L, TinyCaptioning.Vocabulary.Count], logits.shape);
        Assert.NotNull(objects);
        Assert.Equal([2L, 3L], objects.shape);
    }

    [Fact]
    public void ObjectLogits_ModelWithoutKinds_Throws()
    {
        using var scope = NewDisposeScope();
        using var model = new Captioner(TinyCaptioning.Config());

        Assert.Throws<InvalidOperationException>(() => model.ObjectLogits(randn(1, 16, 32)));
    }
}

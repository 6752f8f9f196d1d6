namespace SegPref.Models.Segmentation;

/// <summary>Which visual encoder a segmenter builds.</summary>
public enum VisualBackbone
{
    /// <summary>A four-stage CNN (strides 4/8/16) small enough to train on two CPU cores at 64x64.</summary>
    Small,

    /// <summary>torchvision's ResNet-50 (strides 4/8/16/32) with torchvision parameter names, so ImageNet weights load by key.</summary>
    ResNet50,
}

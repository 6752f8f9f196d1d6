using SegPref.Segmentation.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSegmentationService();

var app = builder.Build();
app.MapSegmentationService();
app.Run();

using SegPref.AudioEncoder.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddAudioEncoderService();

var app = builder.Build();
app.MapAudioEncoderService();
app.Run();

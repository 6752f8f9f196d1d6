using SegPref.Captioner.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddCaptionerService();

var app = builder.Build();
app.MapCaptionerService();
app.Run();

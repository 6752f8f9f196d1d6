using SegPref.TextCues.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddTextCuesService();

var app = builder.Build();
app.MapTextCuesService();
app.Run();

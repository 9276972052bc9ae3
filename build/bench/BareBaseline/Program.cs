// Benchmark baseline (see BareBaseline.csproj): the default WebApplication with one JSON endpoint.
// Nothing is tuned, so that the ratios build/bench.sh prints compare the host with plain ASP.NET Core.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/json", () => new Greeting("Hallo, Welt!"));
app.Run();

internal sealed record Greeting(string Message);

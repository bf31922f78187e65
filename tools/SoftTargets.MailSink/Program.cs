// A local SMTP sink for development: accepts every mail on 127.0.0.1 and writes each one to a .eml file
// (open it with any mail program, or read it as text). Never for production: it delivers nothing.
//
//   dotnet run --project tools/SoftTargets.MailSink -- --port 2525 --folder .data/mail
using System.Globalization;
using netDumbster.smtp;

var port = 2525;
var folder = Path.Combine(".data", "mail");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--folder": folder = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}; use --port N and --folder PATH."); return 2;
    }
}

Directory.CreateDirectory(folder);
var count = 0;
using var server = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithPort(port).Build();
server.MessageReceived += (_, received) =>
{
    var number = Interlocked.Increment(ref count);
    var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{number:D4}.eml";
    File.WriteAllText(Path.Combine(folder, name), received.Message.Data);
    Console.WriteLine($"Mail sink: {received.Message.Headers["Subject"]} -> {Path.Combine(folder, name)}");
};
Console.WriteLine($"Mail sink: listening on port {port}, writing mails to {Path.GetFullPath(folder)}");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;

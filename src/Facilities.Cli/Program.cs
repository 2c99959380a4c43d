using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Facilities.Cli.Commands;
using Facilities.Core.Datasets;
using Facilities.Core.Tracker;
using Facilities.Core.Validation;
using Facilities.Formats;

namespace Facilities.Cli;

/// <summary>The <c>facilities</c> command: wiring only; each command lives in Commands/.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Facilities.Core.Diagnostics.PhaseTrace.Mark("main");
        Console.OutputEncoding = Encoding.UTF8;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs one command line with the given writers; returns the exit code (docs/cli.md).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var lang = new Option<string>("--lang")
        {
            Description = "Ngôn ngữ / language: vi (mặc định) | en",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FACILITIES_LANG") ?? "vi",
        };
        lang.AcceptOnlyFromAmong("vi", "en");
        var root = new RootCommand(
            "Facilities: quy hoạch mạng lưới trường học (thiếu phòng học, quỹ đất, giấy chứng nhận).\n" +
            "School-network planning for Vietnamese cities: classroom deficit, land for schools, land-use certificates.");
        root.Options.Add(lang);
        Ui UiFor(ParseResult r) => new(output, error, r.GetValue(lang) == "en" ? Language.En : Language.Vi, CliOutput.Mode(r));

        (string Name, Func<Command> Create)[] commands =
        [
            ("import", () => ImportCommand.Create(UiFor)),
            ("export", () => ExportCommand.Create(UiFor)),
            ("copy", () => CopyCommand.Create(UiFor)),
            ("info", () => InfoCommand.Create(UiFor)),
            ("validate", () => ValidateCommand.Create(UiFor)),
            ("generate", () => GenerateCommand.Create(UiFor)),
            ("deficit", () => DeficitCommand.Create(UiFor)),
            ("render", () => RenderCommand.Create(UiFor)),
            ("teachers", () => TeachersCommand.Create(UiFor)),
            ("compliance", () => ComplianceCommand.Create(UiFor)),
            ("cases", () => CasesCommand.Create(UiFor)),
            ("sites", () => SitesCommand.Create(UiFor)),
            ("serve", () => ServeCommand.Create(UiFor)),
            ("propose", () => ProposeCommand.Create(UiFor)),
            ("programme", () => ProgrammeCommand.Create(UiFor)),
        ];
        // PERF: a command line names its command first, and only that command is built: building all fifteen
        // (hundreds of options, each a generic instantiation the JIT compiles, and the tracker's tables behind
        // `cases`) was a third of a short command's start (docs/performance.md, issue 15). Anything else (root
        // help, a misspelt command, --lang before the command) gets them all, as before.
        var named = args.Length > 0 && Array.Exists(commands, c => c.Name == args[0]) ? args[0] : null;
        foreach (var (name, create) in commands.Where(c => named is null || c.Name == named))
        {
            var command = create();
            Debug.Assert(command.Name == name, "the table's name is the command's own");
            root.Subcommands.Add(command);
        }

        foreach (var command in root.Subcommands.Where(c => c.Name is "info" or "validate" or "deficit" or "teachers" or "compliance" or "sites" or "propose"))
        {
            CliOutput.AddTo(command, result: command.Name is not ("info" or "validate"));
        }

        var parsed = root.Parse(args);
        // System.CommandLine's own text (help, parse errors) is caught, put into the chosen language and then printed;
        // the commands print through Ui, straight to output and error.
        using var ownOutput = new StringWriter();
        using var ownError = new StringWriter();
        var config = new InvocationConfiguration { Output = ownOutput, Error = ownError, EnableDefaultExceptionHandler = false };
        var language = parsed.GetValue(lang) == "en" ? Language.En : Language.Vi;
        try
        {
            var code = parsed.Invoke(config);
            return parsed.Errors.Count > 0 ? ExitCodes.Usage : code;
        }
        catch (Exception e) when (Unavailable(e) is { } store)
        {
            // One line, Vietnamese then English, whatever --lang says: it is read by whoever runs the server.
            error.WriteLine($"lỗi: {store.Vi} / error: {store.En}");
            return ExitCodes.Of(store.Problem);
        }
        catch (AuditNotWrittenException e)
        {
            // The move was not made because its audit line was refused; the message names the cause and the fix.
            error.WriteLine($"lỗi / error: {e.Message}");
            return ExitCodes.DatabaseError;
        }
        catch (DataFileException e)
        {
            error.WriteLine(e.Issue.Render(UiFor(parsed).Language));
            return ExitCodes.FileError;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            error.WriteLine((UiFor(parsed).Language == Language.En ? "error: " : "lỗi: ") + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine((UiFor(parsed).Language == Language.En ? "error: " : "lỗi: ") + e.Message);
            return ExitCodes.FileError;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error (please report): {e}");
            return ExitCodes.Internal;
        }
        finally
        {
            // Nothing to translate on most runs: the translation's regular expressions are built only when needed.
            if (ownOutput.GetStringBuilder().Length > 0)
            {
                output.Write(CommandLineText.In(ownOutput.ToString(), language));
            }

            if (ownError.GetStringBuilder().Length > 0)
            {
                error.Write(CommandLineText.In(ownError.ToString(), language));
            }
        }
    }

    // A store failure may arrive wrapped (a lazy value, a web host's start-up, an aggregate of tasks).
    private static DatasetUnavailableException? Unavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DatasetUnavailableException d)
            {
                return d;
            }
        }

        return null;
    }
}

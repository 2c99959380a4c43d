using Facilities.Core.Import;
using Facilities.Core.Presentation;
using Facilities.Core.Validation;
using Spectre.Console;

namespace Facilities.Cli;

/// <summary>
/// Output of one command run: results to <see cref="Out"/>, messages and progress to <see cref="Err"/>, in
/// Vietnamese unless --lang en (or FACILITIES_LANG=en). In a pipeline (<see cref="UiMode"/>) the human text is
/// dropped from stdout, machine output goes to <see cref="Data"/> and the JSON summary to <see cref="SummaryOut"/>;
/// --quiet keeps only errors (<see cref="Errors"/>).
/// </summary>
internal sealed class Ui
{
    private readonly Lazy<IAnsiConsole> _outConsole;
    private readonly Lazy<IAnsiConsole> _errConsole;

    public Ui(TextWriter output, TextWriter error, Language language, UiMode? mode = null)
    {
        Mode = mode ?? UiMode.Human;
        Data = output;
        Errors = error;
        Out = Mode.Json || Mode.Quiet || Mode.DataOnStdout ? TextWriter.Null : output;
        Err = Mode.Quiet ? TextWriter.Null : error;
        Language = language;
        // PERF: the consoles (terminal detection) are made on first use; most commands print plain lines only.
        var interactive = !Mode.Quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        _errConsole = new(() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        }));
        _outConsole = new(() =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Out),
                Interactive = InteractionSupport.No,
                Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            });
            if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
            {
                console.Profile.Width = 160; // files and pipes have no width; keep tables on one line per row
            }

            return console;
        });
    }

    /// <summary>Human text for stdout (a null writer when stdout carries machine output or --quiet).</summary>
    public TextWriter Out { get; }

    /// <summary>stdout itself: the JSON summary, or the result with --out -.</summary>
    public TextWriter Data { get; }

    /// <summary>Where the JSON summary goes: stdout, or stderr when the result itself is on stdout.</summary>
    public TextWriter SummaryOut => Mode.DataOnStdout ? Errors : Data;

    /// <summary>stderr for errors, printed even with --quiet.</summary>
    public TextWriter Errors { get; }

    public UiMode Mode { get; }

    /// <summary>Messages, warnings and notes for stderr (a null writer with --quiet).</summary>
    public TextWriter Err { get; }

    public Language Language { get; }

    public IAnsiConsole OutConsole => _outConsole.Value;

    private IAnsiConsole ErrConsole => _errConsole.Value;

    /// <summary>Vietnamese or English text, by the run's language.</summary>
    public string T(string vi, string en) => Language == Language.En ? en : vi;

    // The one way a number reaches a person on the console: grouped and punctuated by the run's language
    // (Vietnamese 2.077 and 12,5; English 2,077 and 12.5). Machine outputs (--json, CSV, GeoJSON, XLSX) stay invariant.

    /// <summary>A number of people (pupils, teachers, residents), rounded to a whole person.</summary>
    public string People(double value) => NumberText.People(value, Language);

    /// <summary>A whole count (rooms, wards, schools, VND, m² already whole) with thousands grouped.</summary>
    public string Count(long value) => NumberText.Count(value, Language);

    /// <summary>A decimal amount (VND) rounded to a whole number, thousands grouped.</summary>
    public string Count(decimal value) => NumberText.Format((double)Math.Round(value, MidpointRounding.AwayFromZero), 0, Language);

    /// <summary>A number with exactly <paramref name="decimals"/> decimals, thousands grouped.</summary>
    public string Number(double value, int decimals) => NumberText.Format(value, decimals, Language);

    /// <summary>A measure with up to <paramref name="maxDecimals"/> decimals, trailing zeros dropped.</summary>
    public string Measure(double value, int maxDecimals) => NumberText.Measure(value, maxDecimals, Language);

    /// <summary>A share (0.125) as a percentage: 12,5% / 12.5%.</summary>
    public string Percent(double share, int decimals = 1) => NumberText.Percent(share, decimals, Language);

    public void Issues(IEnumerable<ValidationIssue> issues, int limit = 200)
    {
        // --quiet still prints the errors (they decide the exit code), not the warnings.
        var list = issues.Where(i => !Mode.Quiet || i.Severity == IssueSeverity.Error).OrderByDescending(i => i.Severity).ToList();
        foreach (var i in list.Take(limit))
        {
            Errors.WriteLine(i.Render(Language));
        }

        if (list.Count > limit)
        {
            Errors.WriteLine(T($"… và {list.Count - limit} vấn đề khác.", $"… and {list.Count - limit} more problems."));
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on an interactive terminal, silently otherwise
    /// (CI logs and pipes get no control characters).
    /// </summary>
    public T2 WithProgress<T2>(string title, Func<IProgress<WorkProgress>?, T2> work)
    {
        if (ErrConsole.Profile.Capabilities.Interactive is false)
        {
            return work(null);
        }

        T2 result = default!;
        ErrConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = ctx.AddTask($"{title}: {StageLabel(p.Stage)}", maxValue: Math.Max(1, p.Total));
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = work(progress);
            });
        return result;
    }

    private string StageLabel(string stage) => stage switch
    {
        "convert" => T("kiểm tra và chuyển đổi", "checking and converting"),
        "write" => T("ghi", "writing"),
        "generate" => T("sinh dữ liệu", "generating"),
        _ => stage,
    };

    private sealed class SynchronousProgress(Action<WorkProgress> report) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => report(value);
    }
}

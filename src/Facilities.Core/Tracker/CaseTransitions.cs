using System.Globalization;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// Decides a requested move: checks the user's rights, the version, the time and the transition table, and returns
/// either the event to append or a refusal with a message in Vietnamese and English. It never changes the state or
/// the history; the caller appends the event (and may <see cref="CaseState.Apply"/> it).
/// </summary>
public static class CaseTransitions
{
    /// <summary>Decides whether <paramref name="user"/> may move the case as <paramref name="request"/> asks.</summary>
    public static TransitionOutcome Decide(CaseState state, TrackerUser user, TransitionRequest request)
    {
        var allowed = state.AllowedMoves;
        var access = TrackerAuthorization.Decide(user, state.Site, TrackerAction.Write);
        if (!access.Allowed)
        {
            return Refuse(RefusalKind.Forbidden, access.Reason, allowed);
        }

        if (request.ExpectedVersion is int expected && expected != state.Version)
        {
            return Refuse(RefusalKind.Conflict, new LocalizedText(
                $"Hồ sơ đã được cập nhật bởi người khác (phiên bản {state.Version}, yêu cầu dựa trên phiên bản {expected}). Hãy tải lại rồi thử lại.",
                $"The case was changed by someone else (version {state.Version}; the request was based on version {expected}). Reload and try again."),
                allowed);
        }

        var attachments = request.Attachments ?? [];
        if (string.IsNullOrWhiteSpace(user.Name) || attachments.Any(string.IsNullOrWhiteSpace))
        {
            return Refuse(RefusalKind.InvalidInput, new LocalizedText(
                "Thiếu tên người thực hiện hoặc có tệp đính kèm không có tên.",
                "The user name is missing or an attachment reference is empty."), allowed);
        }

        var date = state.Calendar.LocalDate(request.At);
        if (!WorkingCalendar.Supports(date) || (state.LastChangeAt is DateTimeOffset last && request.At < last))
        {
            var at = request.At.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            return Refuse(RefusalKind.InvalidTime, new LocalizedText(
                $"Thời điểm {at} sớm hơn lần cập nhật trước hoặc nằm ngoài các năm 1901–2199.",
                $"The time {at} is before the last change or outside the years 1901–2199."), allowed);
        }

        if (!TransitionTable.IsAllowed(state.Step, request.To, state.ResumeStep))
        {
            return Refuse(RefusalKind.NotAllowed, NotAllowedMessage(state, request.To), allowed);
        }

        var e = new CaseEvent(state.Version + 1, request.At, user.Name, user.Role, state.Step, request.To, request.Note ?? "", [.. attachments]);
        var config = state.Config;
        return new TransitionOutcome(e, null, new LocalizedText(
            $"Đã chuyển hồ sơ từ «{config.StepName(state.Step).Vi}» sang «{config.StepName(request.To).Vi}».",
            $"Moved the case from '{config.StepName(state.Step).En}' to '{config.StepName(request.To).En}'."),
            TransitionTable.AllowedFrom(request.To, CaseSteps.IsInterruption(request.To) ? state.Step : null));
    }

    /// <summary>The refusal text for a move outside the table, listing the moves that are allowed.</summary>
    public static LocalizedText NotAllowedMessage(CaseState state, CaseStep to)
    {
        var config = state.Config;
        var from = config.StepName(state.Step);
        var target = config.StepName(to);
        var fromCode = CaseSteps.Code(state.Step);
        var toCode = CaseSteps.Code(to);
        var moves = state.AllowedMoves;
        if (moves.Count == 0)
        {
            return new LocalizedText(
                $"Không thể chuyển hồ sơ từ «{from.Vi}» ({fromCode}) sang «{target.Vi}» ({toCode}): hồ sơ đã kết thúc, không còn bước nào được phép.",
                $"Cannot move the case from '{from.En}' ({fromCode}) to '{target.En}' ({toCode}): the case has ended and no move is allowed.");
        }

        string List(Func<LocalizedText, string> pick, string backLabel) => string.Join(", ", moves.Select(m =>
            $"{(pick(config.StepName(m)))} ({CaseSteps.Code(m)}{(m == state.ResumeStep && CaseSteps.IsInterruption(state.Step) ? backLabel : "")})"));

        return new LocalizedText(
            $"Không thể chuyển hồ sơ từ «{from.Vi}» ({fromCode}) sang «{target.Vi}» ({toCode}). Các bước được phép: "
                + List(n => "«" + n.Vi + "»", ", quay lại bước trước") + ".",
            $"Cannot move the case from '{from.En}' ({fromCode}) to '{target.En}' ({toCode}). Allowed moves: "
                + List(n => "'" + n.En + "'", ", back to the step it left") + ".");
    }

    private static TransitionOutcome Refuse(RefusalKind kind, LocalizedText message, IReadOnlyList<CaseStep> allowed) =>
        new(null, kind, message, allowed);
}

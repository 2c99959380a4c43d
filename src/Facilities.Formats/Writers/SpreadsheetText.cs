namespace Facilities.Formats.Writers;

/// <summary>
/// Keeps text from being run as a formula when a CSV is opened in a spreadsheet. Names come from agency files, and a
/// cell that starts with '=', '+', '-', '@', a tab or a carriage return is evaluated by Excel and LibreOffice (CSV
/// injection). OWASP's advice is followed: such a cell gets a leading apostrophe, which spreadsheets show as text.
/// Numbers are never changed (a negative deficit stays "-3"): only text values pass through here.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The text as a spreadsheet should get it: with a leading apostrophe when it would start a formula.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}

namespace Facilities.Formats.Readers.Tables;

/// <summary>A table and its header, ready to be turned into features.</summary>
public sealed record TableSection(RawTable Table, HeaderInfo Header);

using Facilities.Core.Provenance;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>
/// A computation's answer: its result, the stamp every output of it carries, and the warnings (the city's, then
/// the result's own) in both languages for a host to show; the stamp holds them in English.
/// </summary>
/// <typeparam name="T">The result.</typeparam>
/// <param name="Result">The result.</param>
/// <param name="Stamp">Its stamp.</param>
/// <param name="Warnings">What the result cannot account for.</param>
public sealed record Computed<T>(T Result, ResultStamp Stamp, IReadOnlyList<LocalizedText> Warnings);

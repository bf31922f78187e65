using CsvHelper;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using static SoftTargets.Core.Features.Sites.SiteCsvFormat;

namespace SoftTargets.Core.Features.Sites;

/// <summary>The sites of a CSV file, or every problem in it: no site is returned unless the whole file is good.</summary>
internal sealed record SiteCsvRows(IReadOnlyList<SiteProfile> Sites, IReadOnlyList<SiteCsvError> Errors);

/// <summary>Reads and checks a site CSV file (docs/site-csv.md) without touching the database.</summary>
internal static class SiteCsvReader
{
    public static SiteCsvRows Read(ReadOnlyMemory<byte> csv, SiteCatalog catalog) =>
        Read(csv, new Dictionary<string, SiteCatalog> { [""] = catalog }, "");

    /// <param name="catalogs">Each published methodology's catalogue by code; a row's <c>methodology</c> column picks one.</param>
    /// <param name="defaultCode">The methodology of a row whose <c>methodology</c> column is empty or missing.</param>
    public static SiteCsvRows Read(ReadOnlyMemory<byte> csv, IReadOnlyDictionary<string, SiteCatalog> catalogs, string defaultCode)
    {
        var catalog = catalogs[defaultCode];
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = DetectSeparator(csv.Span),
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, record.Reason),
        };
        using var reader = CsvReader.Create(csv, options);

        var headers = reader.Headers;
        var headerLine = (int)Math.Max(reader.LineNumber, 1);
        var columnCount = headers.Count;
        while (columnCount > 0 && string.IsNullOrWhiteSpace(headers[columnCount - 1])) columnCount--; // Excel's trailing separators
        if (columnCount == 0) return Failed(1, SiteCsvMessages.EmptyFile);
        if (malformed.TryGetValue(headerLine, out var headerProblem)) return Failed(headerLine, SiteCsvMessages.Malformed(headerProblem));

        var errors = new List<SiteCsvError>();
        var columns = ReadHeader(headers.Take(columnCount).ToList(), headerLine, errors);
        if (errors.Count > 0) return new([], errors);

        var sites = new List<SiteProfile>();
        var firstLineOfName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = 0;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = reader.GetString(i);
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            if (++rows > MaxSites) return Failed(line, SiteCsvMessages.TooManySites);

            var problems = new List<LocalizedText>();
            var site = malformed.TryGetValue(line, out var problem)
                ? Problem(problems, SiteCsvMessages.Malformed(problem))
                : ReadRow(values, columns, columnCount, catalogs, defaultCode, problems);
            if (site is not null && site.Name.Trim() is { Length: > 0 } name)
            {
                if (catalog.ExistingNames.Contains(name)) problems.Add(SiteCsvMessages.ExistingName(name));
                else if (!firstLineOfName.TryAdd(name, line)) problems.Add(SiteCsvMessages.DuplicateName(name, firstLineOfName[name]));
            }

            errors.AddRange(problems.Select(p => SiteCsvError.At(line, p)));
            if (problems.Count == 0 && site is not null) sites.Add(site);
        }

        if (rows == 0) return Failed(headerLine, SiteCsvMessages.NoSites);
        return new(errors.Count == 0 ? sites : [], errors);
    }

    /// <summary>The index of each known column; unknown, unnamed, repeated and missing columns are errors.</summary>
    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string> headers, int line, List<SiteCsvError> errors)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            var column = Columns.FirstOrDefault(c => c.Equals(header, StringComparison.OrdinalIgnoreCase));
            if (header.Length == 0) errors.Add(SiteCsvError.At(line, SiteCsvMessages.UnnamedColumn(i + 1)));
            else if (column is null) errors.Add(SiteCsvError.At(line, SiteCsvMessages.UnknownColumn(header)));
            else if (!columns.TryAdd(column, i)) errors.Add(SiteCsvError.At(line, SiteCsvMessages.DuplicateColumn(column)));
        }
        foreach (var missing in RequiredColumns.Where(c => !columns.ContainsKey(c)))
            errors.Add(SiteCsvError.At(line, SiteCsvMessages.MissingColumn(missing)));
        return columns;
    }

    /// <summary>The row as a profile, adding every problem found to <paramref name="problems"/>; null when the values cannot be told apart.</summary>
    private static SiteProfile? ReadRow(string[] values, Dictionary<string, int> columns, int columnCount,
        IReadOnlyDictionary<string, SiteCatalog> catalogs, string defaultCode, List<LocalizedText> problems)
    {
        if (values.Length < columnCount || values.Skip(columnCount).Any(v => !string.IsNullOrWhiteSpace(v)))
            return Problem(problems, SiteCsvMessages.FieldCount(values.Length, columnCount));
        if (values.Any(v => v.Contains('\uFFFD'))) return Problem(problems, SiteCsvMessages.NotUtf8);

        string Value(string column) => columns.TryGetValue(column, out var index) ? values[index].Trim() : "";

        // The row's methodology decides which venue types and attributes it may use; under an unknown one they are not checked.
        var methodology = Value(Column.Methodology);
        var code = methodology.Length == 0 ? defaultCode : catalogs.Keys.FirstOrDefault(k => k.Equals(methodology, StringComparison.OrdinalIgnoreCase));
        if (code is null) problems.Add(SiteCsvMessages.UnknownMethodology(methodology, catalogs.Keys.Order(StringComparer.Ordinal)));
        var catalog = catalogs[code ?? defaultCode];

        var address = Value(Column.Address);
        if (address.Length > MaxAddressLength) problems.Add(SiteCsvMessages.TooLong(Column.Address, MaxAddressLength));

        var regionText = Value(Column.Region);
        // The row's methodology lists its regions; the key or either name reads as the key. Reported here, not again by the profile.
        var region = regionText;
        if (regionText.Length == 0) problems.Add(SiteCsvMessages.MissingRegion(catalog.RegionKeys));
        else if (code is not null)
        {
            if (TryParseRegion(regionText, catalog.Regions, out var key)) region = key;
            else problems.Add(SiteCsvMessages.UnknownRegion(regionText, catalog.RegionKeys));
        }

        // A blank venue type is left to SiteProfile.Validate; an unknown one stays as written, so Validate does not report it again.
        var venueType = Value(Column.VenueType);
        if (venueType.Length > 0 && code is not null)
        {
            if (catalog.VenueTypes.TryGetValue(venueType, out var key)) venueType = key;
            else problems.Add(SiteCsvMessages.UnknownVenueType(venueType, catalog.VenueTypeKeys));
        }

        var occupancyText = Value(Column.MaxOccupancy);
        var occupancy = 0;
        if (occupancyText.Length == 0) problems.Add(SiteCsvMessages.MissingMaxOccupancy);
        else if (!TryParseWholeNumber(occupancyText, out occupancy)) problems.Add(SiteCsvMessages.NotWholeNumber(Column.MaxOccupancy, occupancyText));

        var visitorsText = Value(Column.DailyVisitors);
        var visitors = 0;
        if (visitorsText.Length > 0 && !TryParseWholeNumber(visitorsText, out visitors))
            problems.Add(SiteCsvMessages.NotWholeNumber(Column.DailyVisitors, visitorsText));

        var openingHours = Value(Column.OpeningHours);
        if (openingHours.Length > MaxOpeningHoursLength) problems.Add(SiteCsvMessages.TooLong(Column.OpeningHours, MaxOpeningHoursLength));

        var attributes = new List<string>();
        foreach (var text in SplitList(Value(Column.Attributes)))
        {
            if (catalog.Attributes.TryGetValue(text, out var key)) attributes.Add(key);
            else if (code is null) attributes.Add(text);
            else problems.Add(SiteCsvMessages.UnknownAttribute(text, catalog.AttributeKeys));
        }

        var profile = new SiteProfile(Value(Column.Name), address, region, venueType, occupancy, visitors, openingHours, attributes.Distinct().ToList())
        {
            Methodology = code ?? defaultCode,
        };
        problems.AddRange(profile.Problems().Where(p => p.Key != nameof(SiteProfile.Region)).Select(p => SiteCsvMessages.Profile(p.Value)));
        return profile;
    }

    private static SiteProfile? Problem(List<LocalizedText> problems, LocalizedText problem)
    {
        problems.Add(problem);
        return null;
    }

    private static SiteCsvRows Failed(int line, LocalizedText problem) => new([], [SiteCsvError.At(line, problem)]);
}

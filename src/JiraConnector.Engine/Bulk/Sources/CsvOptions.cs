using System;
using System.Collections.Concurrent;
using System.Reflection;
using CsvHelper;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>CsvHelper's reader and writer options. Their properties are init-only, and the
    /// setter's signature differs between CsvHelper's builds (the netstandard2.0 build carries its own
    /// IsExternalInit): code compiled against one build fails with MissingMethodException on another
    /// (the module ships netstandard2.0; a .NET 10 host may resolve the net10.0 build). Setting them
    /// by reflection binds by name and works with every build.</summary>
    internal static class CsvOptions
    {
        public static CsvReaderOptions Reader(char separator, bool hasHeader, Action<CsvMalformedRecord> onMalformed)
        {
            var options = new CsvReaderOptions();
            Set(options, nameof(CsvReaderOptions.Separator), (char?)separator);
            Set(options, nameof(CsvReaderOptions.HasHeader), hasHeader);
            Set(options, nameof(CsvReaderOptions.MalformedData), CsvMalformedDataHandling.Recover);
            Set(options, nameof(CsvReaderOptions.FieldCountMismatch), CsvFieldCountHandling.Allow);
            Set(options, nameof(CsvReaderOptions.MissingField), CsvMissingFieldHandling.ReturnEmpty);
            Set(options, nameof(CsvReaderOptions.AllowLineBreaksInQuotes), true);
            Set(options, nameof(CsvReaderOptions.SkipEmptyLines), true);
            Set(options, nameof(CsvReaderOptions.TrackLineNumbers), true);
            Set(options, nameof(CsvReaderOptions.TrimWhitespace), (bool?)false);
            Set(options, nameof(CsvReaderOptions.OnMalformedRecord), onMalformed);
            return options;
        }

        /// <summary>The formula guard is the module's own (CsvCells, reversible on upload), so
        /// CsvHelper's injection handling stays off.</summary>
        public static CsvWriterOptions Writer(char separator)
        {
            var options = new CsvWriterOptions();
            Set(options, nameof(CsvWriterOptions.Separator), separator);
            Set(options, nameof(CsvWriterOptions.Injection), CsvInjection.None);
            return options;
        }

        // Held here so that a garbage collection cannot drop them from the reflection cache: each
        // new PropertyInfo compiles its setter's invoke stub again, on every job.
        private static readonly ConcurrentDictionary<(Type, string), PropertyInfo> Properties = new ConcurrentDictionary<(Type, string), PropertyInfo>();

        private static void Set(object options, string name, object? value) =>
            Properties.GetOrAdd((options.GetType(), name), key => key.Item1.GetProperty(key.Item2)!).SetValue(options, value);
    }
}

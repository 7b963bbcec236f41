using System;
using System.Collections.Generic;
using System.Text;

namespace JiraConnector.Resources
{
    /// <summary>Builds "path?name=value&amp;..." with every value escaped.</summary>
    internal sealed class QueryString
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public QueryString Add(string name, object? value)
        {
            if (value != null) _pairs.Add(new KeyValuePair<string, string>(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
            return this;
        }

        /// <summary>Adds the parameter once per value (Jira's way of passing lists: keys=A&amp;keys=B).</summary>
        public QueryString AddEach(string name, IEnumerable<string>? values)
        {
            if (values != null) foreach (var value in values) Add(name, value);
            return this;
        }

        /// <summary>Adds what a query pushed down for this parameter, if anything.</summary>
        public QueryString AddPushed(ReadOptions options, string name) =>
            options.ServerFilters.TryGetValue(name, out var values) ? AddEach(name, values) : this;

        public string AppendTo(string path)
        {
            if (_pairs.Count == 0) return path;
            var text = new StringBuilder(path).Append('?');
            for (var i = 0; i < _pairs.Count; i++)
            {
                if (i > 0) text.Append('&');
                text.Append(Uri.EscapeDataString(_pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(_pairs[i].Value));
            }
            return text.ToString();
        }
    }
}

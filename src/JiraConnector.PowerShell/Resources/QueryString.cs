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

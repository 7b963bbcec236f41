using System;
using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Connection
{
    /// <summary>The instances connected in one runspace, one of them the default. Thread-safe:
    /// background bulk jobs and the pipeline thread read it at the same time.</summary>
    internal sealed class JiraSession : IDisposable
    {
        private readonly object _lock = new object();
        private readonly Dictionary<string, JiraInstance> _instances = new Dictionary<string, JiraInstance>(StringComparer.OrdinalIgnoreCase);
        private string? _defaultName;

        public IReadOnlyList<JiraInstance> Instances
        {
            get { lock (_lock) return _instances.Values.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList(); }
        }

        public JiraInstance? Default
        {
            get { lock (_lock) return _defaultName != null && _instances.TryGetValue(_defaultName, out var i) ? i : null; }
        }

        public JiraInstance? Find(string name)
        {
            lock (_lock) return _instances.TryGetValue(name, out var instance) ? instance : null;
        }

        /// <summary>Adds or replaces an instance; returns the one it replaced so the caller can dispose it.</summary>
        public JiraInstance? Add(JiraInstance instance, bool makeDefault)
        {
            lock (_lock)
            {
                _instances.TryGetValue(instance.Name, out var replaced);
                _instances[instance.Name] = instance;
                if (makeDefault || _defaultName == null || string.Equals(_defaultName, instance.Name, StringComparison.OrdinalIgnoreCase)) SetDefault(instance.Name);
                return replaced;
            }
        }

        public bool Remove(JiraInstance instance)
        {
            lock (_lock)
            {
                if (!_instances.TryGetValue(instance.Name, out var current) || !ReferenceEquals(current, instance)) return false;
                _instances.Remove(instance.Name);
                instance.IsDefault = false;
                if (string.Equals(_defaultName, instance.Name, StringComparison.OrdinalIgnoreCase))
                {
                    // The oldest remaining connection becomes the default, so scripts keep working.
                    var next = _instances.Values.OrderBy(i => i.ConnectedAt).FirstOrDefault();
                    _defaultName = null;
                    if (next != null) SetDefault(next.Name);
                }
                return true;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                foreach (var instance in _instances.Values) instance.Client.Dispose();
                _instances.Clear();
                _defaultName = null;
            }
        }

        private void SetDefault(string name)
        {
            foreach (var other in _instances.Values) other.IsDefault = false;
            _defaultName = name;
            _instances[name].IsDefault = true;
        }
    }
}

using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>Opens the sign-in address in the user's browser, where there is one to open.</summary>
    internal static class BrowserLauncher
    {
        /// <summary>True when a browser was started; false when there is none (a server, an SSH
        /// session without a display) or it failed, so the caller prints the address instead.</summary>
        public static bool TryOpen(Uri url)
        {
            try
            {
                ProcessStartInfo start;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    start = new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
                }
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    start = new ProcessStartInfo("open", Quote(url));
                }
                else
                {
                    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) &&
                        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"))) return false;
                    start = new ProcessStartInfo("xdg-open", Quote(url));
                }
                start.RedirectStandardOutput = !start.UseShellExecute;
                start.RedirectStandardError = !start.UseShellExecute;
                using var process = Process.Start(start);
                return process != null;
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                return false;
            }
        }

        private static string Quote(Uri url) => "\"" + url.AbsoluteUri.Replace("\"", "%22") + "\"";
    }
}

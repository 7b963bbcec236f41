using JiraConnector.Events;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>The high-water mark's rules, which the emulator tests exercise only inside one or two
/// minutes: the window starts at the mark's minute, an incident state is claimed once, the mark
/// never goes back, and what falls before its minute is forgotten.</summary>
public sealed class PollMarkTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 10, 15, 40, TimeSpan.Zero);

    [Fact]
    public void A_state_is_claimed_once_and_a_new_updated_time_is_a_new_state()
    {
        var mark = new PollMark();
        mark.Reset(T);

        Assert.True(mark.TryClaim("OPS-1", T.AddSeconds(5)));
        Assert.False(mark.TryClaim("OPS-1", T.AddSeconds(5)));
        Assert.True(mark.TryClaim("OPS-1", T.AddSeconds(9)));
        Assert.True(mark.TryClaim("OPS-2", T.AddSeconds(-30)), "the same minute as the mark is still in the window");
        Assert.False(mark.TryClaim("OPS-3", T.AddSeconds(-41)), "the minute before the mark was reported by an earlier poll");
    }

    [Fact]
    public void Advancing_never_goes_back_and_forgets_only_what_lies_before_the_new_minute()
    {
        var mark = new PollMark();
        mark.Reset(T);
        mark.TryClaim("OPS-1", T.AddSeconds(1));      // 10:15:41
        mark.TryClaim("OPS-2", T.AddSeconds(30));     // 10:16:10

        mark.Advance(T.AddSeconds(35));               // 10:16:15
        mark.Advance(T);

        Assert.Equal(T.AddSeconds(35), mark.From);
        Assert.Equal(1, mark.SeenCount);
        Assert.False(mark.TryClaim("OPS-2", T.AddSeconds(30)));
    }

    [Fact]
    public void The_next_mark_stays_behind_the_server_clock_less_the_index_lag()
    {
        var server = T;

        Assert.Equal(T.AddMinutes(-5), IncidentPoller.NextMark(T.AddMinutes(-5), server));
        Assert.Equal(server - IncidentPoller.IndexLag, IncidentPoller.NextMark(T.AddSeconds(-1), server));
        Assert.Null(IncidentPoller.NextMark(null, server));
    }

    [Fact]
    public void The_JQL_writes_the_mark_s_minute_in_the_user_s_zone_or_14_hours_early()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Equal("updated >= \"2026-03-01 11:15\" ORDER BY created ASC, key ASC", IncidentPoller.Jql(T, berlin));
        Assert.Equal("updated >= \"2026-02-28 20:15\" ORDER BY created ASC, key ASC", IncidentPoller.Jql(T, null));
    }
}

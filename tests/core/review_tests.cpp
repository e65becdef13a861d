// The review schedule: when a map's review is due, in whose local date, and
// what "Mark reviewed" sets.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "cjm/review.hpp"

using namespace cjm;
using namespace std::chrono;

namespace {
Date date(int y, unsigned m, unsigned d) { return Date{year(y), month(m), day(d)}; }

Journey scheduled(const char *next, int interval = 90)
{
    Journey journey;
    journey.reviewIntervalDays = interval;
    if (next)
        journey.nextReview = next;
    return journey;
}

// Sets TZ for one scope (POSIX zone strings, so no tzdata is needed).
class TimeZone {
public:
    explicit TimeZone(const char *zone)
    {
        if (const char *old = std::getenv("TZ"))
            m_old = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TimeZone()
    {
        if (m_old)
            ::setenv("TZ", m_old->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }

private:
    std::optional<std::string> m_old;
};
} // namespace

TEST_CASE("review dates are read and written as calendar dates", "[review]")
{
    CHECK(parseDate("2026-04-30") == date(2026, 4, 30));
    CHECK(parseDate("2028-02-29") == date(2028, 2, 29)); // a leap day
    for (const char *bad :
         {"2026-02-30", "2027-02-29", "2026-13-01", "2026-4-30", "30.04.2026", "2026-04-30T00:00", ""}) {
        INFO(bad);
        CHECK_FALSE(parseDate(bad));
    }
    CHECK(formatDate(date(2026, 4, 3)) == "2026-04-03");
    CHECK(formatDate(*parseDate("1999-12-31")) == "1999-12-31");
}

TEST_CASE("a review is upcoming, due today or overdue by the days between", "[review]")
{
    const Date today = date(2026, 11, 23);
    CHECK(reviewStatus(scheduled(nullptr), today).state == ReviewState::NotScheduled);
    CHECK_FALSE(reviewStatus(scheduled(nullptr), today).due());

    auto upcoming = reviewStatus(scheduled("2026-12-05"), today);
    CHECK(upcoming.state == ReviewState::Upcoming);
    CHECK(upcoming.daysUntil == 12);
    CHECK(describe(upcoming) == "in 12 days");
    CHECK_FALSE(upcoming.due());

    auto dueToday = reviewStatus(scheduled("2026-11-23"), today);
    CHECK(dueToday.state == ReviewState::DueToday);
    CHECK(dueToday.due());
    CHECK(describe(dueToday) == "due today");

    auto overdue = reviewStatus(scheduled("2026-04-30"), today);
    CHECK(overdue.state == ReviewState::Overdue);
    CHECK(overdue.daysUntil == -207);
    CHECK(describe(overdue) == "overdue by 207 days");
    CHECK(describe(reviewStatus(scheduled("2026-11-22"), today)) == "overdue by 1 day");
    // Across a year end and a leap day.
    CHECK(reviewStatus(scheduled("2029-01-01"), date(2028, 12, 31)).daysUntil == 1);
    CHECK(reviewStatus(scheduled("2028-03-01"), date(2028, 2, 28)).daysUntil == 2);
}

TEST_CASE("the reader's local date decides: the same instant is due in Shanghai, not yet in Honolulu", "[review]")
{
    // 2026-11-23 20:30 UTC: already the 24th at UTC+8, still the 23rd at UTC-10.
    const auto instant = sys_days(date(2026, 11, 23)) + hours(20) + minutes(30);
    const Journey journey = scheduled("2026-11-24");
    {
        TimeZone zone("CST-8"); // POSIX sign: UTC+8
        CHECK(localToday(instant) == date(2026, 11, 24));
        CHECK(reviewStatus(journey, localToday(instant)).state == ReviewState::DueToday);
    }
    {
        TimeZone zone("HST10"); // UTC-10
        CHECK(localToday(instant) == date(2026, 11, 23));
        CHECK(reviewStatus(journey, localToday(instant)).state == ReviewState::Upcoming);
    }
    {
        TimeZone zone("UTC0");
        CHECK(localToday(instant) == date(2026, 11, 23));
    }
}

TEST_CASE("Mark reviewed sets the next date one interval from today", "[review]")
{
    const Date today = date(2026, 11, 23);
    Journey journey = scheduled("2026-04-30", 90);
    journey.owner = "CX team";
    const Journey reviewed = markReviewed(journey, today);
    CHECK(reviewed.nextReview == std::optional<std::string>("2027-02-21"));
    CHECK(reviewed.owner == "CX team");
    CHECK(reviewStatus(reviewed, today).state == ReviewState::Upcoming);
    // No interval: nothing more is scheduled.
    CHECK_FALSE(markReviewed(scheduled("2026-04-30", 0), today).nextReview);
}

#include "cjm/review.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace cjm {

namespace {
bool parseNumber(std::string_view text, int &value)
{
    if (text.empty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc();
}
} // namespace

std::optional<Date> parseDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!parseNumber(text.substr(0, 4), year) || !parseNumber(text.substr(5, 2), month) ||
        !parseNumber(text.substr(8, 2), day))
        return std::nullopt;
    const Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                    std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string formatDate(const Date &date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Date localToday(std::chrono::system_clock::time_point now)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    ::localtime_r(&seconds, &local); // honours TZ
    return Date{std::chrono::year(local.tm_year + 1900), std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

ReviewStatus reviewStatus(const Journey &journey, const Date &today)
{
    ReviewStatus status;
    if (!journey.nextReview)
        return status;
    status.next = parseDate(*journey.nextReview);
    if (!status.next)
        return status;
    status.daysUntil = static_cast<int>((std::chrono::sys_days(*status.next) - std::chrono::sys_days(today)).count());
    status.state = status.daysUntil > 0    ? ReviewState::Upcoming
                   : status.daysUntil == 0 ? ReviewState::DueToday
                                           : ReviewState::Overdue;
    return status;
}

std::string describe(const ReviewStatus &status)
{
    auto days = [](int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); };
    switch (status.state) {
    case ReviewState::NotScheduled: return "not scheduled";
    case ReviewState::Upcoming: return "in " + days(status.daysUntil);
    case ReviewState::DueToday: return "due today";
    case ReviewState::Overdue: return "overdue by " + days(-status.daysUntil);
    }
    return {};
}

Journey markReviewed(Journey journey, const Date &today)
{
    if (journey.reviewIntervalDays > 0)
        journey.nextReview =
            formatDate(Date(std::chrono::sys_days(today) + std::chrono::days(journey.reviewIntervalDays)));
    else
        journey.nextReview.reset();
    return journey;
}

std::string_view toString(ReviewState state)
{
    switch (state) {
    case ReviewState::NotScheduled: return "notScheduled";
    case ReviewState::Upcoming: return "upcoming";
    case ReviewState::DueToday: return "dueToday";
    case ReviewState::Overdue: return "overdue";
    }
    return {};
}

} // namespace cjm

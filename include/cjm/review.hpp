#pragma once
// The review schedule of a journey map: a map describes how customers
// experience the business today, and goes stale unless someone looks at it
// again. The journey's owner, an interval in days and the next review date
// (a calendar date, YYYY-MM-DD) say when; this decides whether a review is
// due on a given day and what the next date becomes once it is done.
//
// The date in the file is a calendar date without a time zone, as people
// write it in a plan: it is due on that date wherever the reader is. "Today"
// is the reader's local date (localToday), so a teammate in Shanghai sees
// the review due some hours before one in San Francisco does.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "cjm/model.hpp"

namespace cjm {

using Date = std::chrono::year_month_day;

// "2026-04-30" → the date; nullopt for anything else, including 2026-02-30.
std::optional<Date> parseDate(std::string_view text);
std::string formatDate(const Date &date); // "2026-04-30"

// The calendar date at `now` in the process's local time zone (TZ).
Date localToday(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

enum class ReviewState {
    NotScheduled, // no next review date
    Upcoming,     // the date is after today
    DueToday,
    Overdue,
};

struct ReviewStatus {
    ReviewState state = ReviewState::NotScheduled;
    std::optional<Date> next;
    int daysUntil = 0; // negative when overdue
    bool due() const { return state == ReviewState::DueToday || state == ReviewState::Overdue; }
};

// An unreadable date (only possible in a map built in code: the reader
// refuses them) counts as not scheduled.
ReviewStatus reviewStatus(const Journey &journey, const Date &today);

// "overdue by 3 days", "due today", "in 12 days", "not scheduled".
std::string describe(const ReviewStatus &status);

// The journey after "Mark reviewed" today: the next review is today plus the
// interval; with no interval there is no next date.
Journey markReviewed(Journey journey, const Date &today);

std::string_view toString(ReviewState state); // "notScheduled", "upcoming", "dueToday", "overdue"

} // namespace cjm

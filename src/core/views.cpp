#include "cjm/views.hpp"

#include <algorithm>

#include "cjm/change_set.hpp"
#include "document_access.hpp"
#include "owned_bytes.hpp"
#include "validation.hpp"

namespace cjm {

const std::vector<View> &builtInViews()
{
    static const std::vector<View> views = [] {
        View whole;
        whole.id = std::string(kWholeMapViewId);
        whole.name = "Whole map";
        View slides;
        slides.id = std::string(kPersonaSlidesViewId);
        slides.name = "One persona per slide set";
        slides.hideEmptyLanes = true;
        slides.layout = ViewLayout::Slides;
        slides.aspect = SlideAspect::Wide;
        return std::vector<View>{whole, slides};
    }();
    return views;
}

std::vector<View> availableViews(const Document &document)
{
    std::vector<View> views = builtInViews();
    views.insert(views.end(), document.views().begin(), document.views().end());
    return views;
}

const View *findView(const Document &document, std::string_view idOrName)
{
    for (const std::vector<View> *views : {&document.views(), &builtInViews()}) {
        for (const View &v : *views)
            if (v.id == idOrName)
                return &v;
        for (const View &v : *views)
            if (v.name == idOrName)
                return &v;
    }
    return nullptr;
}

namespace {

// The ids of `all` (in their order) that `wanted` lists, or all when absent.
template <typename T, typename Keep>
std::vector<std::string> select(const std::vector<T> &all, const std::optional<std::vector<std::string>> &wanted,
                                Keep keep)
{
    std::vector<std::string> ids;
    for (const T &item : all)
        if (keep(item) && (!wanted || std::find(wanted->begin(), wanted->end(), item.id) != wanted->end()))
            ids.push_back(item.id);
    return ids;
}

} // namespace

ViewSelection resolveView(const Document &document, const View &view)
{
    ViewSelection out;
    out.hideEmptyLanes = view.hideEmptyLanes;
    out.layout = view.layout;
    out.aspect = view.aspect;
    auto any = [](const auto &) { return true; };
    out.personaIds = select(document.personas(), view.personas, any);
    if (view.stageRange && !document.stages().empty()) {
        const auto &stages = document.stages();
        std::size_t from = document.stageIndex(view.stageRange->from).value_or(0);
        std::size_t to = document.stageIndex(view.stageRange->to).value_or(stages.size() - 1);
        if (from > to)
            std::swap(from, to);
        for (std::size_t i = from; i <= to; ++i)
            out.stageIds.push_back(stages[i].id);
    } else if (!view.stageRange) {
        out.stageIds = select(document.stages(), view.stages, any);
    }
    out.laneIds = select(document.lanes(), view.lanes, [](const Lane &lane) { return !lane.hidden; });
    for (const std::string &persona : out.personaIds) {
        std::vector<std::string> lanes;
        for (const std::string &lane : out.laneIds) {
            const bool empty = std::none_of(out.stageIds.begin(), out.stageIds.end(), [&](const std::string &stage) {
                return !document.cardsInCell(persona, stage, lane).empty();
            });
            if (!(view.hideEmptyLanes && empty))
                lanes.push_back(lane);
        }
        out.lanesByPersona.push_back(std::move(lanes));
    }
    return out;
}

namespace {

using Access = DocumentAccess;

std::size_t ownedBytes(const std::vector<View> &views)
{
    std::size_t bytes = views.capacity() * sizeof(View);
    auto ids = [](const std::optional<std::vector<std::string>> &list) {
        return list ? detail::ownedBytes(*list) : std::size_t{0};
    };
    for (const View &v : views)
        bytes += detail::ownedBytes(v.id) + detail::ownedBytes(v.name) + ids(v.personas) + ids(v.stages) +
                 ids(v.lanes) + detail::ownedBytes(v.unknown) +
                 (v.stageRange ? detail::ownedBytes(v.stageRange->from) + detail::ownedBytes(v.stageRange->to) +
                                     detail::ownedBytes(v.stageRange->unknown)
                               : 0);
    return bytes;
}

// Every change of the views: the list as it should be is made from the list
// as it is when the edit applies, and the list before is kept for revert.
// Views are a handful of short id lists, so keeping the whole list is small.
class ViewsEdit final : public Edit {
public:
    enum class Kind { Add, Update, Remove, Move };
    ViewsEdit(Kind kind, View view, std::optional<std::size_t> index)
        : m_kind(kind), m_view(std::move(view)), m_index(index)
    {
    }

    bool apply(Document &d) override
    {
        std::vector<View> &views = Access::views(d);
        std::vector<View> after = views;
        auto at = std::find_if(after.begin(), after.end(), [&](const View &v) { return v.id == m_view.id; });
        switch (m_kind) {
        case Kind::Add: {
            if (at != after.end() || d.contains(m_view.id) || !detail::readsBack(m_view))
                return false;
            const std::size_t index = std::min(m_index.value_or(after.size()), after.size());
            after.insert(after.begin() + static_cast<std::ptrdiff_t>(index), m_view);
            break;
        }
        case Kind::Update:
            if (at == after.end() || !detail::readsBack(m_view, &*at))
                return false;
            *at = m_view;
            break;
        case Kind::Remove:
            if (at == after.end())
                return false;
            after.erase(at);
            break;
        case Kind::Move: {
            if (at == after.end())
                return false;
            View moved = std::move(*at);
            after.erase(at);
            const std::size_t index = std::min(m_index.value_or(after.size()), after.size());
            after.insert(after.begin() + static_cast<std::ptrdiff_t>(index), std::move(moved));
            break;
        }
        }
        if (!roomFor(d, detail::fileCost(views), detail::fileCost(after)))
            return false;
        m_before = std::move(views);
        views = std::move(after);
        return true;
    }
    void revert(Document &d) override
    {
        std::vector<View> &views = Access::views(d);
        views = std::move(m_before);
        m_before.clear();
    }
    std::string description() const override
    {
        switch (m_kind) {
        case Kind::Add: return "add view " + m_view.id;
        case Kind::Update: return "change view " + m_view.id;
        case Kind::Remove: return "remove view " + m_view.id;
        case Kind::Move: return "move view " + m_view.id;
        }
        return "change views";
    }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + ownedBytes(std::vector<View>{m_view}) + ownedBytes(m_before);
    }
    // Views are the map's top level: nothing drawn changes until one is used.
    void collectChanges(ChangeSet &changes) const override { changes.noteTopLevel(); }

private:
    // The whole-file limits: a longer list of views must leave the map within
    // them. Views change rarely, so the map is measured afresh when it grows,
    // and the edits' running measure (edit.cpp) takes the new size.
    static bool roomFor(Document &d, const detail::FileCost &before, const detail::FileCost &after)
    {
        if (after.bytes <= before.bytes && after.values <= before.values)
            return true;
        const ReadLimits &limits = detail::editLimits();
        const detail::FileCost now = detail::fileCost(d);
        const std::size_t bytes = now.bytes - std::min(now.bytes, before.bytes) + after.bytes;
        const std::size_t values = now.values - std::min(now.values, before.values) + after.values;
        if (bytes > limits.maxFileBytes || values > limits.maxValues)
            return false;
        auto &written = Access::written(d);
        written.measured = true;
        written.bytes = bytes;
        written.values = values;
        return true;
    }

    Kind m_kind;
    View m_view; // Remove and Move: only its id
    std::optional<std::size_t> m_index;
    std::vector<View> m_before;
};

View withId(std::string id)
{
    View v;
    v.id = std::move(id);
    return v;
}

} // namespace

EditPtr addView(View view, std::optional<std::size_t> index)
{
    return std::make_unique<ViewsEdit>(ViewsEdit::Kind::Add, std::move(view), index);
}
EditPtr updateView(View view)
{
    return std::make_unique<ViewsEdit>(ViewsEdit::Kind::Update, std::move(view), std::nullopt);
}
EditPtr removeView(std::string id)
{
    return std::make_unique<ViewsEdit>(ViewsEdit::Kind::Remove, withId(std::move(id)), std::nullopt);
}
EditPtr moveView(std::string id, std::size_t newIndex)
{
    return std::make_unique<ViewsEdit>(ViewsEdit::Kind::Move, withId(std::move(id)), newIndex);
}

} // namespace cjm

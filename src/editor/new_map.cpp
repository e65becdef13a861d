#include "new_map.hpp"

#include <QCoreApplication>
#include <QDateTime>

#include "qt_text.hpp"
#include "translations.hpp"

namespace cjm {

Document newDefaultMap()
{
    Document scratch; // only for fresh ids
    Journey journey;
    journey.id = scratch.newId("journey");
    journey.created = toStdString(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    // Its stage and persona names are in the UI language: the map says so,
    // so what the program draws on it stays in that language (docs/format.md).
    journey.language = mapLanguageTag(currentLanguage());

    std::vector<Persona> personas(1);
    personas[0].id = scratch.newId("persona");
    personas[0].name = toStdString(QCoreApplication::translate("NewMap", "Persona 1"));

    const std::pair<const char *, Phase> stageNames[] = {
        {QT_TRANSLATE_NOOP("NewMap", "Awareness"), Phase::Before},
        {QT_TRANSLATE_NOOP("NewMap", "Consideration"), Phase::Before},
        {QT_TRANSLATE_NOOP("NewMap", "Purchase"), Phase::During},
        {QT_TRANSLATE_NOOP("NewMap", "Adoption"), Phase::After},
        {QT_TRANSLATE_NOOP("NewMap", "Advocacy"), Phase::After},
    };
    std::vector<Stage> stages;
    for (const auto &[name, phase] : stageNames) {
        Stage stage;
        stage.id = scratch.newId("stage");
        stage.name = toStdString(QCoreApplication::translate("NewMap", name));
        stage.phase = phase;
        stages.push_back(std::move(stage));
    }
    std::vector<Lane> lanes;
    for (LaneKind kind : {LaneKind::Touchpoints, LaneKind::Actions, LaneKind::Thoughts, LaneKind::Emotions,
                          LaneKind::PainPoints, LaneKind::Opportunities})
        lanes.push_back(Lane::make(scratch.newId(std::string("lane-") + std::string(toString(kind))), kind));
    return Document::fromParts(std::move(journey), std::move(personas), std::move(stages), std::move(lanes), {});
}

} // namespace cjm

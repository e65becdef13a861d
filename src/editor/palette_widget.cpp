#include "palette_widget.hpp"

#include <QCoreApplication>
#include <QIcon>
#include <QMimeData>

#include "map_style.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr int kMimeRole = Qt::UserRole + 1;
}

PaletteWidget::PaletteWidget(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(20, 20));
    setUniformItemSizes(true);
    auto add = [this](const QIcon &icon, const QString &text, const PaletteEntry &entry, const QString &tip) {
        auto *item = new QListWidgetItem(icon, text, this);
        item->setData(kMimeRole, entry.toMime());
        item->setToolTip(tip);
    };
    add(QIcon(QStringLiteral(":/icons/kinds/stage.svg")), tr("Stage"), PaletteEntry{PaletteEntry::Type::Stage, {}, {}},
        tr("Drag between two columns to add a stage"));
    add(QIcon(QStringLiteral(":/icons/kinds/persona.svg")), tr("Persona"),
        PaletteEntry{PaletteEntry::Type::Persona, {}, {}}, tr("Drag between two bands to add a persona"));
    for (LaneKind kind : kKnownLaneKinds)
        add(QIcon(kindIconPath(kind)), laneKindDisplayName(kind), PaletteEntry{PaletteEntry::Type::Card, kind, {}},
            tr("Drag into a persona's band and a stage's column"));
    // Touchpoints ready-made for the common channels.
    for (const char *channel : {"website", "mobileApp", "email", "phone", "liveChat", "socialMedia", "advertising",
                                "store", "event", "wordOfMouth", "reviews", "helpCenter", "packaging", "survey"}) {
        add(QIcon(channelIconPath(channel)), tr("Touchpoint: %1").arg(channelDisplayName(channel)),
            PaletteEntry{PaletteEntry::Type::Card, LaneKind::Touchpoints, channel},
            tr("A touchpoint on this channel"));
    }
}

QStringList PaletteWidget::mimeTypes() const { return {QLatin1String(kPaletteMimeType)}; }

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kPaletteMimeType), items.first()->data(kMimeRole).toString().toUtf8());
    return mime;
}

} // namespace cjm

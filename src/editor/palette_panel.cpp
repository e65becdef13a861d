#include "palette_panel.hpp"

#include <QCoreApplication>
#include <QIcon>
#include <QKeyEvent>
#include <QMimeData>

#include "map_style.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr int kMimeRole = Qt::UserRole + 1;
}

PalettePanel::PalettePanel(QWidget *parent) : QListWidget(parent)
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
            PaletteEntry{PaletteEntry::Type::Card, LaneKind::Touchpoints, channel}, tr("A touchpoint on this channel"));
    }
}

void PalettePanel::takeOver(const PalettePanel &old)
{
    const QListWidgetItem *current = old.currentItem();
    if (!current)
        return;
    const QVariant entry = current->data(kMimeRole);
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(kMimeRole) == entry) {
            setCurrentRow(row);
            return;
        }
}

QStringList PalettePanel::mimeTypes() const { return {QLatin1String(kPaletteMimeType)}; }

QMimeData *PalettePanel::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kPaletteMimeType), items.first()->data(kMimeRole).toString().toUtf8());
    return mime;
}

void PalettePanel::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && currentItem()) {
        const std::optional<PaletteEntry> entry =
            PaletteEntry::fromMime(currentItem()->data(kMimeRole).toString().toUtf8());
        // The palette sits in a dock of the window whose canvas it feeds (the
        // topmost parent, also when the dock floats): that window's MapView
        // adds the card (through MapOperations) and opens its in-place editor,
        // which takes the focus, as after a drop.
        QWidget *top = this;
        while (top->parentWidget())
            top = top->parentWidget();
        MapView *view = top->findChild<MapView *>();
        if (entry && view) {
            // What a drop adds, where the canvas's focused cell is: a card in
            // that cell, a stage after its stage, a persona after its persona.
            switch (entry->type) {
            case PaletteEntry::Type::Card: view->addCardOfKind(entry->kind, entry->channel); break;
            case PaletteEntry::Type::Stage: view->addStageAfterFocus(); break;
            case PaletteEntry::Type::Persona: view->addPersonaAfterFocus(); break;
            }
            event->accept();
            return;
        }
    }
    QListWidget::keyPressEvent(event);
}

} // namespace cjm

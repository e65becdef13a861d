#pragma once
// Presence on a team map (#20 item 3): who has the map open, as avatars in
// the toolbar (initials in the person's colour, the role name as a plain
// tooltip), and each other person's selection outlined in their colour on
// the canvas. The list comes from the team session (TeamClient decides who
// counts as there: a heartbeat within 10 s); this only shows it.

#include <QColor>
#include <QGraphicsObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <string>
#include <vector>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolBar;

namespace cjm {

class MapScene;

// One client that has the map open. A person (a database role) may have it
// open in several windows: one avatar, one outline per window.
struct TeamPerson {
    QString role;
    QString clientId;
    std::vector<std::string> selection; // card ids
    bool self = false;                  // this window: no outline, its avatar comes first
};

// A person's colour: the same for a role name in every window, on every
// machine and in every run (a hash of its UTF-8 bytes, not qHash's seed).
QColor teamColour(const QString &role);

// A round avatar: the role's initials (initialsOf, as the persona badges)
// in white on the role's colour, `size` device-independent pixels across.
QPixmap avatarPixmap(const QString &role, int size, qreal devicePixelRatio = 1.0);

// The avatars row for the toolbar: one per role, this window's first, the
// others in the order the list gives them.
class TeamAvatars : public QWidget {
    Q_OBJECT
public:
    explicit TeamAvatars(QWidget *parent = nullptr);

    void setPeople(const std::vector<TeamPerson> &people);
    // The avatars shown, for tests and accessibility.
    QList<QLabel *> avatars() const { return m_avatars; }
    QStringList roles() const { return m_roles; }
    QStringList initials() const;

private:
    QHBoxLayout *m_layout;
    QList<QLabel *> m_avatars;
    QStringList m_roles;
};

// The other people's selections drawn over the map: an outline around each
// card they selected, in their colour, a little outside the card so this
// window's own selection outline stays visible, with their name on the
// first card. Follows the layout (edits, rebuilds, persona focus).
class TeamSelectionOverlay : public QGraphicsObject {
    Q_OBJECT
public:
    explicit TeamSelectionOverlay(MapScene *scene);

    void setPeople(const std::vector<TeamPerson> &people);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    struct Outline {
        QString role;
        QColor colour;
        QRectF rect; // scene coordinates, around the card
        bool labelled = false;
    };
    // The outlines as they are drawn now.
    const std::vector<Outline> &outlines() const { return m_outlines; }
    static constexpr qreal kPenWidth = 3.0;
    static constexpr qreal kGap = 4.0; // between the card and the first outline

private:
    void relayout();

    QPointer<MapScene> m_scene;
    std::vector<TeamPerson> m_people;
    std::vector<Outline> m_outlines;
    std::vector<QRectF> m_reaches; // where each outline and its name tag are painted
    QRectF m_bounds;
};

// Both, for one window: the avatars in `toolbar`, the overlay in `scene`.
class TeamPresence : public QObject {
    Q_OBJECT
public:
    TeamPresence(QToolBar *toolbar, MapScene *scene, QObject *parent = nullptr);
    ~TeamPresence() override;

    TeamAvatars *avatars() const { return m_avatars; }
    TeamSelectionOverlay *overlay() const { return m_overlay; }

public slots:
    void setPeople(const std::vector<TeamPerson> &people);
    // The map is closed or no longer a team map: nobody is shown.
    void clear() { setPeople({}); }

private:
    QPointer<QToolBar> m_toolbar;
    QPointer<QAction> m_action;
    QPointer<TeamAvatars> m_avatars;
    QPointer<MapScene> m_scene;
    TeamSelectionOverlay *m_overlay;
};

} // namespace cjm

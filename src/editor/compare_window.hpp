#pragma once
// Compare ▸ Side by Side: the other version and this map drawn next to each
// other, each by the canvas's own painter, with the cards that differ
// outlined on both sides (changed and removed ones on the other version's
// side, changed and added ones on this map's). The two views scroll and zoom
// together, so the same part of the journey stays in front of the reader.
// Both sides are read-only pictures: edits happen on the main canvas, and the
// Compare panel refreshes this window when they settle.

#include <QString>
#include <QWidget>
#include <string>
#include <unordered_set>
#include <vector>

#include "cjm/diff.hpp"
#include "cjm/document.hpp"

class QLabel;

namespace cjm {

class DocumentController;
class MapScene;
class MapView;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(QWidget *parent = nullptr);
    ~CompareWindow() override;

    // Shows `other` (named `otherName`) on the left and `mine` on the right,
    // with `changes` (from `diffDocuments(other, mine)`) outlined.
    void showVersions(const Document &other, const QString &otherName, const Document &mine,
                      const std::vector<Change> &changes);

    MapView *otherView() const { return m_otherView; }
    MapView *mineView() const { return m_mineView; }
    MapScene *otherScene() const { return m_otherScene; }
    MapScene *mineScene() const { return m_mineScene; }

protected:
    // A new UI language: the headings and title change in place.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Keeps the other view's zoom and scroll position in step with `from`.
    void follow(MapView *from, MapView *to);

    DocumentController *m_otherController;
    DocumentController *m_mineController;
    MapScene *m_otherScene;
    MapScene *m_mineScene;
    MapView *m_otherView;
    MapView *m_mineView;
    QLabel *m_otherHeading;
    QLabel *m_mineHeading;
    QString m_otherName; // null until showVersions
    bool m_following = false;
    bool m_zoomChosen = false;
};

} // namespace cjm

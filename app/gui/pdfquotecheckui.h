#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QDialog;

namespace mgreview::gui {

class LibrarySession;
class PdfPasswordPanel;

/// "Check quotes" (issue 6 §5): QuoteCheckService::verify for a study on the session's I/O
/// thread, each PDF not indexed yet read in a child process with a time limit. When one of
/// the study's PDFs is encrypted, asks for its password (PdfPasswordPanel in a window-modal
/// dialog, again after a wrong one) and checks again with it. The password lives only in
/// this run: it is not stored in the library or the settings.
class PdfQuoteCheckUi : public QObject
{
    Q_OBJECT

public:
    PdfQuoteCheckUi(QWidget *window, LibrarySession *session, QObject *parent = nullptr);

    /// Checks the quotes of `studyId`; `password` is tried on its encrypted PDFs.
    void check(const QString &studyId, const QString &password = {});
    /// The password dialog while it is shown (for tests).
    QDialog *passwordDialog() const;
    PdfPasswordPanel *passwordPanel() const;
    bool isSettled() const { return m_pending == 0; }

Q_SIGNALS:
    /// A check ended (`error` empty when it ran; encrypted PDFs left locked are in `error`).
    void finished(const QString &studyId, const QString &error);
    void message(const QString &text, bool error);

private:
    void askPassword(const QString &studyId, const QString &fileName, bool wrong);

    QWidget *m_window;
    LibrarySession *m_session;
    QPointer<QDialog> m_dialog;
    QPointer<PdfPasswordPanel> m_panel;
    int m_pending = 0;
};

} // namespace mgreview::gui

#include "review/reviewservice.h"

#include "review/reviewchanges.h"
#include "review/reviewstore.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QJsonObject>

#include <algorithm>

namespace mgreview {

namespace {

namespace AuditAction {
const QString Profile = QStringLiteral("profile");
const QString Judgement = QStringLiteral("judgement");
const QString Withdraw = QStringLiteral("withdraw");
const QString Resolution = QStringLiteral("resolution");
const QString Undo = QStringLiteral("undo");
const QString Reveal = QStringLiteral("reveal");
} // namespace AuditAction

bool beginWrite(Transaction &transaction, QString *error)
{
    if (transaction.isActive())
        return true;
    *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
    return false;
}

QVector<Judgement> standing(const QVector<Judgement> &rows)
{
    QVector<Judgement> out;
    for (const Judgement &j : rows) {
        if (!j.content.isWithdrawn())
            out.append(j);
    }
    return out;
}

} // namespace

ReviewService::ReviewService(const Database &database) : m_database(database) { }

// --- People ------------------------------------------------------------------------------

bool ReviewService::addProfile(const Profile &profile, QString *error)
{
    if (const QString invalid = validateProfileName(profile.name); !invalid.isEmpty()) {
        *error = invalid;
        return false;
    }
    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return false;
    std::optional<Profile> existing;
    if (!store.profile(profile.name, &existing, error))
        return false;
    if (existing) {
        *error
            = QStringLiteral("a profile named '%1' already exists (%2)").arg(existing->name, toString(existing->role));
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QJsonObject after { { QStringLiteral("name"), profile.name },
        { QStringLiteral("role"), toString(profile.role) } };
    const AuditEntry entry { 0, QDateTime::currentDateTimeUtc(), profile.name, AuditAction::Profile, {}, {},
        compactJson(after), QStringLiteral("profile added"), std::nullopt };
    if (!store.appendProfile(profile, now, error) || !store.appendAudit(entry, error))
        return false;
    return transaction.commit(error);
}

std::optional<QVector<Profile>> ReviewService::profiles(QString *error) const
{
    QVector<Profile> out;
    if (!ReviewStore(m_database.connection()).profiles(&out, error))
        return std::nullopt;
    return out;
}

std::optional<Profile> ReviewService::profile(const QString &name, QString *error) const
{
    std::optional<Profile> out;
    if (!ReviewStore(m_database.connection()).profile(name, &out, error))
        return std::nullopt;
    if (!out)
        *error = QStringLiteral("no profile named '%1'").arg(name);
    return out;
}

std::optional<Profile> ReviewService::actor(const QString &name, Action action, QString *error) const
{
    std::optional<Profile> person = profile(name, error);
    if (person && !may(*person, action)) {
        *error = refusal(*person, action);
        return std::nullopt;
    }
    return person;
}

// --- Changes -----------------------------------------------------------------------------

std::optional<ChangeResult> ReviewService::recordJudgement(
    const QString &studyId, const QString &reviewerName, JudgementContent content, QString *error)
{
    const std::optional<Profile> reviewer = actor(reviewerName, Action::RecordJudgement, error);
    if (!reviewer)
        return std::nullopt;
    content.evidenceSource.clear();
    if (const QString invalid = validateJudgement(content); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    const std::optional<Study> study = StudyStore(m_database).load(studyId, error);
    if (!study) {
        if (error->isEmpty())
            *error = QStringLiteral("no study with id '%1'").arg(studyId);
        return std::nullopt;
    }

    ChangeResult result;
    if (!content.evidence.isEmpty()) {
        content.evidenceSource = findEvidence(*study, content.evidence);
        if (content.evidenceSource.isEmpty() && content.page) {
            content.evidenceSource = QString::fromLatin1(EvidenceSource::Page);
            result.warnings.append(QStringLiteral("the evidence is not in the study's funding statement, COI statement "
                                                  "or funding notes; saved as a quote from page %1 (not checked "
                                                  "against the full text)")
                                       .arg(*content.page));
        } else if (content.evidenceSource.isEmpty()) {
            content.evidenceSource = QString::fromLatin1(EvidenceSource::NotFound);
            result.warnings.append(
                QStringLiteral("the evidence is not a verbatim quote of the study's funding statement, "
                               "COI statement or funding notes; saved marked 'not found'"));
        }
    }

    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    std::optional<Judgement> head;
    if (!store.judgementHead(studyId, reviewer->name, &head, error))
        return std::nullopt;
    const std::optional<qint64> changeId = appendJudgementChange(
        store, studyId, reviewer->name, AuditAction::Judgement, head, content, content.reason, std::nullopt, error);
    if (!changeId || !transaction.commit(error))
        return std::nullopt;
    result.changeId = *changeId;
    return result;
}

std::optional<ChangeResult> ReviewService::withdrawJudgement(
    const QString &studyId, const QString &reviewerName, const QString &reason, QString *error)
{
    const std::optional<Profile> reviewer = actor(reviewerName, Action::RecordJudgement, error);
    if (!reviewer)
        return std::nullopt;
    if (reason.trimmed().isEmpty()) {
        *error = QStringLiteral("withdrawing a judgement needs a reason");
        return std::nullopt;
    }
    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    std::optional<Judgement> head;
    if (!store.judgementHead(studyId, reviewer->name, &head, error))
        return std::nullopt;
    if (!head || head->content.isWithdrawn()) {
        *error = QStringLiteral("%1 has no judgement on '%2' to withdraw").arg(reviewer->name, studyId);
        return std::nullopt;
    }
    const JudgementContent withdrawn { QString::fromLatin1(ReviewWords::Withdrawn), {}, reason, {}, {}, std::nullopt };
    const std::optional<qint64> changeId = appendJudgementChange(
        store, studyId, reviewer->name, AuditAction::Withdraw, head, withdrawn, reason, std::nullopt, error);
    if (!changeId || !transaction.commit(error))
        return std::nullopt;
    return ChangeResult { *changeId, {} };
}

std::optional<ChangeResult> ReviewService::recordResolution(
    const QString &studyId, const QString &resolverName, const ResolutionContent &content, QString *error)
{
    const std::optional<Profile> resolver = actor(resolverName, Action::ResolveConflict, error);
    if (!resolver)
        return std::nullopt;
    if (const QString invalid = validateResolution(content); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    QVector<Judgement> latest;
    std::optional<Resolution> head;
    if (!store.latestJudgements(studyId, &latest, error) || !store.resolutionHead(studyId, &head, error))
        return std::nullopt;
    const ReviewOutcome before = reviewOutcome(latest, head);
    if (before.state != ReviewOutcome::State::Disagreement && before.state != ReviewOutcome::State::Resolved) {
        *error = before.judgements.size() < 2
            ? QStringLiteral("'%1' has judgements from fewer than two reviewers: there is nothing to resolve")
                  .arg(studyId)
            : QStringLiteral("the reviewers of '%1' agree: there is nothing to resolve").arg(studyId);
        return std::nullopt;
    }
    if (content.method == u"third-reviewer") {
        const bool judged = std::any_of(before.judgements.cbegin(), before.judgements.cend(),
            [&](const Judgement &j) { return j.reviewer == resolver->name; });
        if (judged) {
            *error = QStringLiteral("%1 has judged '%2', so cannot resolve it as a third reviewer (use the "
                                    "consensus method)")
                         .arg(resolver->name, studyId);
            return std::nullopt;
        }
    }
    const std::optional<qint64> changeId = appendResolutionChange(store, studyId, resolver->name, resolver->name,
        AuditAction::Resolution, head, content, content.reason, std::nullopt, error);
    if (!changeId || !transaction.commit(error))
        return std::nullopt;
    return ChangeResult { *changeId, {} };
}

std::optional<ChangeResult> ReviewService::undo(qint64 changeId, const QString &actorName, QString *error)
{
    const std::optional<Profile> person = profile(actorName, error);
    if (!person)
        return std::nullopt;
    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    std::optional<AuditEntry> entry;
    std::optional<Judgement> judgement;
    std::optional<Resolution> resolution;
    if (!store.auditEntry(changeId, &entry, error) || !store.judgementWrittenBy(changeId, &judgement, error)
        || !store.resolutionWrittenBy(changeId, &resolution, error))
        return std::nullopt;
    if (!entry) {
        *error = QStringLiteral("there is no change %1").arg(changeId);
        return std::nullopt;
    }
    const QString reason = QStringLiteral("undo of change %1").arg(changeId);

    if (judgement) {
        if (!may(*person, Action::RecordJudgement)) {
            *error = refusal(*person, Action::RecordJudgement);
            return std::nullopt;
        }
        if (judgement->reviewer != person->name) {
            *error = QStringLiteral("%1 may not undo %2's judgement (change %3)")
                         .arg(person->name, judgement->reviewer)
                         .arg(changeId);
            return std::nullopt;
        }
        std::optional<Judgement> head, previous;
        if (!store.judgementHead(judgement->studyId, judgement->reviewer, &head, error))
            return std::nullopt;
        if (!head || head->id != judgement->id) {
            *error = QStringLiteral("cannot undo change %1: %2's judgement on '%3' has changed since (change %4); undo "
                                    "that change first")
                         .arg(changeId)
                         .arg(judgement->reviewer, judgement->studyId)
                         .arg(head ? head->changeId : 0);
            return std::nullopt;
        }
        if (judgement->supersedes && !store.judgement(*judgement->supersedes, &previous, error))
            return std::nullopt;
        const JudgementContent target = previous
            ? previous->content
            : JudgementContent { QString::fromLatin1(ReviewWords::Withdrawn), {}, reason, {}, {}, std::nullopt };
        const std::optional<qint64> undoId = appendJudgementChange(
            store, judgement->studyId, judgement->reviewer, AuditAction::Undo, head, target, reason, changeId, error);
        if (!undoId || !transaction.commit(error))
            return std::nullopt;
        return ChangeResult { *undoId, {} };
    }

    if (resolution) {
        if (!may(*person, Action::ResolveConflict)) {
            *error = refusal(*person, Action::ResolveConflict);
            return std::nullopt;
        }
        std::optional<Resolution> head, previous;
        if (!store.resolutionHead(resolution->studyId, &head, error))
            return std::nullopt;
        if (!head || head->id != resolution->id) {
            *error = QStringLiteral("cannot undo change %1: the resolution of '%2' has changed since (change %3); undo "
                                    "that change first")
                         .arg(changeId)
                         .arg(resolution->studyId)
                         .arg(head ? head->changeId : 0);
            return std::nullopt;
        }
        if (resolution->supersedes && !store.resolution(*resolution->supersedes, &previous, error))
            return std::nullopt;
        // The restored row keeps the resolver who made that state; the audit entry names who undid.
        const QString resolver = previous ? previous->resolver : person->name;
        const ResolutionContent target = previous
            ? previous->content
            : ResolutionContent { QString::fromLatin1(ReviewWords::Withdrawn), {}, reason, {} };
        const std::optional<qint64> undoId = appendResolutionChange(store, resolution->studyId, person->name, resolver,
            AuditAction::Undo, head, target, reason, changeId, error);
        if (!undoId || !transaction.commit(error))
            return std::nullopt;
        return ChangeResult { *undoId, {} };
    }

    *error = QStringLiteral("change %1 (%2) cannot be undone: only judgements and resolutions can")
                 .arg(changeId)
                 .arg(entry->action);
    return std::nullopt;
}

std::optional<ChangeResult> ReviewService::redo(qint64 undoChangeId, const QString &actorName, QString *error)
{
    std::optional<AuditEntry> entry;
    if (!ReviewStore(m_database.connection()).auditEntry(undoChangeId, &entry, error))
        return std::nullopt;
    if (!entry || entry->action != AuditAction::Undo) {
        *error = QStringLiteral("change %1 is not an undo: there is nothing to redo").arg(undoChangeId);
        return std::nullopt;
    }
    return undo(undoChangeId, actorName, error);
}

std::optional<qint64> ReviewService::revealOthers(const QString &studyId, const QString &viewerName, QString *error)
{
    const std::optional<Profile> viewer = actor(viewerName, Action::ViewOthersJudgements, error);
    if (!viewer)
        return std::nullopt;
    if (!StudyStore(m_database).contains(studyId)) {
        *error = QStringLiteral("no study with id '%1'").arg(studyId);
        return std::nullopt;
    }
    QSqlDatabase db = m_database.connection();
    ReviewStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    const AuditEntry entry { 0, QDateTime::currentDateTimeUtc(), viewer->name, AuditAction::Reveal, studyId, {}, {},
        QStringLiteral("chose to see other reviewers' judgements before recording their own"), std::nullopt };
    const std::optional<qint64> changeId = store.appendAudit(entry, error);
    if (!changeId || !transaction.commit(error))
        return std::nullopt;
    return changeId;
}

// --- Reading -----------------------------------------------------------------------------

std::optional<VisibleJudgements> ReviewService::visibleJudgements(
    const QString &studyId, const QString &viewerName, QString *error) const
{
    const std::optional<Profile> viewer = actor(viewerName, Action::ViewOthersJudgements, error);
    if (!viewer)
        return std::nullopt;
    const ReviewStore store(m_database.connection());
    QVector<Judgement> latest;
    if (!store.latestJudgements(studyId, &latest, error))
        return std::nullopt;
    const QVector<Judgement> all = standing(latest);

    bool seesOthers = viewer->role != Role::Reviewer;
    if (!seesOthers) {
        bool judged = false, revealed = false;
        if (!store.hasJudged(studyId, viewer->name, &judged, error)
            || !store.hasRevealed(studyId, viewer->name, &revealed, error))
            return std::nullopt;
        seesOthers = judged || revealed;
    }
    VisibleJudgements out;
    for (const Judgement &j : all) {
        if (j.reviewer == viewer->name)
            out.judgements.append(j);
    }
    for (const Judgement &j : all) {
        if (j.reviewer == viewer->name)
            continue;
        if (seesOthers)
            out.judgements.append(j);
        else
            ++out.hidden;
    }
    out.blinded = !seesOthers;
    return out;
}

std::optional<ReviewOutcome> ReviewService::outcome(const QString &studyId, QString *error) const
{
    const ReviewStore store(m_database.connection());
    QVector<Judgement> latest;
    std::optional<Resolution> resolution;
    if (!store.latestJudgements(studyId, &latest, error) || !store.resolutionHead(studyId, &resolution, error))
        return std::nullopt;
    return reviewOutcome(latest, resolution);
}

std::optional<QVector<Conflict>> ReviewService::conflicts(QString *error) const
{
    QHash<QString, ReviewOutcome> outcomes;
    if (!reviewOutcomes(ReviewStore(m_database.connection()), &outcomes, error))
        return std::nullopt;
    QVector<Conflict> out;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        if (it.value().state == ReviewOutcome::State::Disagreement)
            out.append({ it.key(), it.value().judgements });
    }
    std::sort(out.begin(), out.end(), [](const Conflict &a, const Conflict &b) { return a.studyId < b.studyId; });
    return out;
}

std::optional<QVector<PairAgreement>> ReviewService::agreement(const QStringList &reviewers, QString *error) const
{
    if (!reviewers.isEmpty() && reviewers.size() != 2) {
        *error = QStringLiteral("agreement compares two reviewers (got %1)").arg(reviewers.size());
        return std::nullopt;
    }
    QStringList names;
    for (const QString &name : reviewers) {
        const std::optional<Profile> person = profile(name, error);
        if (!person)
            return std::nullopt;
        names.append(person->name);
    }
    if (names.size() == 2 && names.at(0) == names.at(1)) {
        *error = QStringLiteral("agreement needs two different reviewers");
        return std::nullopt;
    }
    QVector<Judgement> latest;
    if (!ReviewStore(m_database.connection()).latestJudgements(&latest, error))
        return std::nullopt;
    ReviewerRatings ratings;
    for (const Judgement &j : standing(latest))
        ratings[j.studyId].insert(j.reviewer, j.content.value);
    if (names.isEmpty())
        return agreementOfAllPairs(ratings);
    return QVector<PairAgreement> { agreementBetween(names.at(0), names.at(1), ratings) };
}

std::optional<QVector<Judgement>> ReviewService::judgementHistory(QString *error) const
{
    QVector<Judgement> out;
    if (!ReviewStore(m_database.connection()).allJudgements(&out, error))
        return std::nullopt;
    return out;
}

std::optional<QVector<Resolution>> ReviewService::resolutionHistory(QString *error) const
{
    QVector<Resolution> out;
    if (!ReviewStore(m_database.connection()).allResolutions(&out, error))
        return std::nullopt;
    return out;
}

std::optional<QVector<AuditEntry>> ReviewService::auditLog(QString *error) const
{
    QVector<AuditEntry> out;
    if (!ReviewStore(m_database.connection()).auditLog(&out, error))
        return std::nullopt;
    return out;
}

} // namespace mgreview

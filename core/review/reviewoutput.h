#pragma once

#include "review/agreement.h"
#include "review/judgement.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

// --- JSON (command line, later the GUI's copy/export) ------------------------------------

QJsonObject judgementToJson(const Judgement &judgement);
QJsonObject resolutionToJson(const Resolution &resolution);
/// Reviewers, studies, the table, percent agreement, p_o, p_e, kappa with SE and 95 % CI
/// (null when not defined).
QJsonObject agreementToJson(const PairAgreement &agreement);

// --- CSV (RFC 4180: header row, CRLF, fields quoted by csvField) --------------------------

/// change, id, recorded_at, study_id, reviewer, value, link, reason, evidence,
/// evidence_source, page, supersedes — every row ever written, withdrawals included.
QStringList judgementCsvColumns();
QString judgementsToCsv(const QVector<Judgement> &judgements);
/// change, id, recorded_at, study_id, resolver, value, link, method, reason, supersedes.
QStringList resolutionCsvColumns();
QString resolutionsToCsv(const QVector<Resolution> &resolutions);
/// id, at, actor, action, study_id, before, after, reason, undoes (before/after: JSON).
QStringList auditCsvColumns();
QString auditToCsv(const QVector<AuditEntry> &entries);

} // namespace mgreview

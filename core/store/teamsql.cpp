#include "store/teamsql.h"

#include "store/database.h"
#include "store/sqldialect.h"

namespace mgreview::TeamSql {

namespace {

// Weights keep the two origins of a study's search words apart inside one tsvector (and
// its GIN index): A for the study's own text, B for its annotations. Written in plpgsql
// so that the function's owner, not the caller, decides what changes. Lexemes are letters
// and digits only (library/searchtext.h); quoting still doubles quotes and backslashes, so
// no input can forge a weight.
const char kIndexNotesBody[] = R"sql(
CREATE OR REPLACE FUNCTION %1.mgreview_index_notes(p_study_id text, p_notes text, p_note_words text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp AS $$
DECLARE
    row_pk bigint;
    old_other text;
    old_words tsvector;
    own tsvector;
BEGIN
    IF NOT has_table_privilege(session_user, '%1.annotations', 'INSERT') THEN
        RAISE EXCEPTION 'permission denied: % may not annotate, so may not re-index annotations', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT t.study_pk, t.other, t.words INTO row_pk, old_other, old_words
        FROM study_text t JOIN studies s ON s.pk = t.study_pk WHERE s.id = p_study_id FOR UPDATE OF t;
    IF NOT FOUND THEN
        RETURN; -- annotations outlive studies: nothing to index
    END IF;
    own := ts_filter(old_words, '{a}');
    IF length(own) = 0 THEN
        own := old_words; -- indexed before weights: keep every word until an editor saves the study
    END IF;
    UPDATE study_text SET
        other = split_part(old_other, chr(31), 1)
                || CASE WHEN coalesce(p_notes, '') = '' THEN '' ELSE chr(31) || p_notes END,
        words = own || CAST(coalesce((
            SELECT string_agg('''' || replace(replace(w, '\', '\\'), '''', '''''') || ''':1B', ' ')
            FROM unnest(string_to_array(coalesce(p_note_words, ''), ' ')) AS w WHERE w <> ''), '') AS tsvector)
    WHERE study_pk = row_pk;
END $$)sql";

} // namespace

QStringList statements(QSqlDatabase &db, const QString &schema)
{
    QStringList out;
    for (const char *table : {"annotations", "pdf_attachments"}) {
        const QString name = QString::fromLatin1(table);
        if (!Sql::tableExists(SqlDialect::Postgres, db, name))
            continue;
        out.append(QStringLiteral("DROP TRIGGER IF EXISTS %1_changes ON %1").arg(name));
        out += Sql::changeNotificationTrigger(SqlDialect::Postgres, name, QStringLiteral("study_id"));
    }
    if (Sql::tableExists(SqlDialect::Postgres, db, QStringLiteral("annotations"))) {
        const QString function = schema + QStringLiteral(".mgreview_index_notes(text, text, text)");
        out += {
            QString::fromUtf8(kIndexNotesBody).arg(schema),
            // Functions are executable by PUBLIC unless taken back.
            QStringLiteral("REVOKE ALL ON FUNCTION %1 FROM PUBLIC").arg(function),
            QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO mgreview_student, mgreview_reviewer, mgreview_editor")
                .arg(function),
        };
    }
    return out;
}

} // namespace mgreview::TeamSql

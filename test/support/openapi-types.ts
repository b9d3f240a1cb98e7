// Generated from the app's /api/openapi.json by openapi-typescript (test/support/openapi-generate.ts).
// Do not edit: run `npm run openapi:types` after changing a route's schema.
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; sets the session cookie and returns the CSRF token and what is left to do (stage: a code, a password change or MFA enrolment) */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the stage of the sign-in */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second step of a sign-in: a code from the authenticator app or an unused recovery code; renews the session cookie and CSRF token */
        post: operations["postAuthMfaVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether my second factor is on, and how many recovery codes are left */
        get: operations["getAuthMfa"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app: a new secret as a QR code and as text (replacing one that is on needs the password) */
        post: operations["postAuthMfaEnrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish enrolling with the first code; answers the recovery codes, shown this once */
        post: operations["postAuthMfaEnrolConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch my second factor off (needs the password; where MFA is required, enrol again before anything else) */
        post: operations["postAuthMfaDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (ends my other sessions) */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (never the token itself) */
        get: operations["getAuthTokens"];
        put?: never;
        /** Create an API token that acts as me; shown in this answer only (not for protection officers) */
        post: operations["postAuthTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens */
        delete: operations["deleteAuthTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Branches (one per district) */
        get: operations["getBranches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The offence catalogue (PECA 2016, PPC and child-protection laws) */
        get: operations["getOffences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offences/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One offence */
        get: operations["getOffencesByCode"];
        /** Correct or add an offence (administrator) */
        put: operations["putOffencesByCode"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases you may see: search by title or FIR number, filter, page */
        get: operations["getCases"];
        put?: never;
        /** Open a case (complaint received) in your branch */
        post: operations["postCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/status-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases you may see per status (each counted up to a bound), optionally of one branch */
        get: operations["getCasesStatusCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with team, status history and the next steps open to you */
        get: operations["getCasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit title, summary or offences */
        patch: operations["patchCasesById"];
        trace?: never;
    };
    "/api/v1/cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the case along its legal lifecycle; illegal steps are refused */
        post: operations["postCasesByIdTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the case team (branch supervisor) */
        put: operations["putCasesByIdTeam"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notes and events, newest first */
        get: operations["getCasesByIdTimeline"];
        put?: never;
        /** Add a note or an event to the timeline */
        post: operations["postCasesByIdTimeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Persons you may see: search by any name, alias or variant (spelling-tolerant), CNIC, passport, phone or handle */
        get: operations["getPersons"];
        put?: never;
        /** Record a person: names in Latin or Urdu script, CNIC, passport, phones (E.164), online identifiers */
        post: operations["postPersons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person with names, identifiers and the cases you may see, with roles */
        get: operations["getPersonsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a person; names, phones and identifiers are replaced when given */
        patch: operations["patchPersonsById"];
        trace?: never;
    };
    "/api/v1/cases/{id}/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Persons and roles on a case (accused with status and history) and its victims by pseudonym */
        get: operations["getCasesByIdPersons"];
        put?: never;
        /** Link an existing or a new person to the case in a role; accused start at large */
        post: operations["postCasesByIdPersons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/persons/{personId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an accused along arrest, remand, bail, verdict; an arrest is recorded as an arrest */
        post: operations["postCasesByIdPersonsByPersonIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/persons/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set or withdraw the foreign warrant / red notice request for an accused */
        patch: operations["patchCasesByIdPersonsByPersonId"];
        trace?: never;
    };
    "/api/v1/cases/{id}/victims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a victim on the case: a pseudonym V-YYYY-NNNN; the identity (optional) is stored encrypted and not shown back */
        post: operations["postCasesByIdVictims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/victims/{victimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link a victim you may see to another case you may see */
        put: operations["putCasesByIdVictimsByVictimId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Victims you may see, by pseudonym; assigned=me is the protection officer's list with placement and next follow-up */
        get: operations["getVictims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/safeguarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rescued children without a protection officer, and follow-ups past their date, among the victims you may see (by pseudonym) */
        get: operations["getVictimsSafeguarding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One victim by pseudonym: state, history, officers; care records for the assigned protection officer */
        get: operations["getVictimsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity, for an assigned protection officer only; every read is audited */
        get: operations["getVictimsByIdIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record or correct the identity (investigation of the case or assigned protection officer); merged, never echoed */
        patch: operations["patchVictimsByIdIdentity"];
        trace?: never;
    };
    "/api/v1/victims/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Safeguarding step: identified → recovered (investigation or officer) → placed → closed (assigned officer) */
        post: operations["postVictimsByIdTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a protection officer (supervisor of a branch with one of the victim's cases) */
        post: operations["postVictimsByIdAssignments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/assignments/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a protection officer's assignment */
        delete: operations["deleteVictimsByIdAssignmentsByUserId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place the child (assigned officer): ends the open placement; a recovered child becomes placed */
        post: operations["postVictimsByIdPlacements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a follow-up (assigned officer) */
        post: operations["postVictimsByIdFollowups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/followups/{followupId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a follow-up done (assigned officer) */
        post: operations["postVictimsByIdFollowupsByFollowupIdDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operations (raids) of a case with outcome counts, newest planned first */
        get: operations["getCasesByIdOperations"];
        put?: never;
        /** Plan an operation: name, date-time, place, participating agencies */
        post: operations["postCasesByIdOperations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One operation with its outcomes: arrested by name, rescued children by pseudonym, seized items */
        get: operations["getOperationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a planned operation (before approval): date, place, officers taking part, the further cases it serves; the earlier values are kept */
        patch: operations["patchOperationsById"];
        trace?: never;
    };
    "/api/v1/operations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a planned operation (supervisor of the case branch); `at` dates an approval given earlier */
        post: operations["postOperationsByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an approved operation as executed with its arrests, rescues and seizures: all stored or none */
        post: operations["postOperationsByIdExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call off a planned or approved operation, saying why */
        post: operations["postOperationsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evidence items of a case with their current custodian; filter by kind, operation, custodian or text */
        get: operations["getCasesByIdEvidence"];
        put?: never;
        /** Record an evidence item; its chain of custody starts with the first custodian */
        post: operations["postCasesByIdEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence item with its full chain of custody */
        get: operations["getEvidenceById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the item over: by the current custodian (or the branch supervisor), to a user who can see the case */
        post: operations["postEvidenceByIdTransfers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/prosecution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charges, hearings, verdicts with sentences, and appeals of a case */
        get: operations["getCasesByIdProsecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Frame a charge against an accused of the case, under an offence of the catalogue */
        post: operations["postCasesByIdCharges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/hearings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a hearing (court, date, purpose; outcome once held) */
        post: operations["postCasesByIdHearings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hearings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reschedule a hearing or record its outcome */
        patch: operations["patchHearingsById"];
        trace?: never;
    };
    "/api/v1/cases/{id}/verdicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the verdict for a charged accused; a conviction may carry a sentence (years and months, at most 100 years) and a fine */
        post: operations["postCasesByIdVerdicts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verdicts/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File an appeal against a verdict */
        post: operations["postVerdictsByIdAppeals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record the decision on a pending appeal */
        patch: operations["patchAppealsById"];
        trace?: never;
    };
    "/api/v1/cases/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Triage summary: counts, known-material categories, linked cases, ingest jobs (never the material) */
        get: operations["getCasesByIdMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/media/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingested files with digests, PDQ and matches */
        get: operations["getCasesByIdMediaFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/ingest-roots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Folders this server may ingest from over the API (AMAAN_INGEST_ROOTS, and the demo media folder under `serve --demo`); empty = API ingest off */
        get: operations["getMediaIngestRoots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/media/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest a folder or mounted image on the server (under AMAAN_INGEST_ROOTS, or the demo media folder) in the background */
        post: operations["postCasesByIdMediaIngest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hash-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Known-material hash sets */
        get: operations["getHashSets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hash-sets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One hash set with entry counts per category */
        get: operations["getHashSetsById"];
        put?: never;
        post?: never;
        /** Delete a hash set and its matches */
        delete: operations["deleteHashSetsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hash-sets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a hash set (VICS JSON, ICSE CSV, plain CSV or a hash list) as the raw request body; runs in the background, poll the job */
        post: operations["postHashSetsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a background job you started */
        get: operations["getJobsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/output": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file a finished job produced (the briefing PDF), for the one who started it; audited */
        get: operations["getJobsByIdOutput"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hash-sets/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a hash set (audited) */
        get: operations["getHashSetsByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users: search by name, filter by role, branch, disabled */
        get: operations["getAdminUsers"];
        put?: never;
        /** Create a user (investigators and supervisors need a branch, other roles have none) */
        post: operations["postAdminUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getAdminUsersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, role, branch; disable or enable */
        patch: operations["patchAdminUsersById"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password: the user must change it at the next sign-in; ends the user's sessions and revokes their API tokens */
        post: operations["postAdminUsersByIdPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/mfa/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch the user's second factor off (lost phone): they enrol again at the next sign-in; their sessions end */
        post: operations["postAdminUsersByIdMfaReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's API tokens (never the token itself) */
        get: operations["getAdminUsersByIdTokens"];
        put?: never;
        /** Issue an API token for a service account (never for a person); the token is shown in this answer only */
        post: operations["postAdminUsersByIdTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["deleteAdminUsersByIdTokensByTokenId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Branches with staff counts */
        get: operations["getAdminBranches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/team-overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many cases each investigator, supervisor and prosecutor is on (counts only, no case content) */
        get: operations["getAdminTeamOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first by default; filter by actor, action (case.* for a family), entity and time. Reading it is audited. */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the keyed hash chain end to end, every signed checkpoint (kept outside the database) and optionally an anchor kept earlier; lists every bad entry with its kind. Audited. */
        post: operations["postAuditVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the case with everything on it as a JSON case bundle (victims by pseudonym only; audited as an export) */
        get: operations["getCasesByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bundles/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a case bundle into a branch, all or nothing (new ids; persons matched by CNIC; users by username) */
        post: operations["postBundlesImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bundles/match-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import match suggestions whose two records you may both see (an imported record that may be one already here) */
        get: operations["getBundlesMatchSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bundles/match-suggestions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark an import match suggestion confirmed (the same record: merge by hand) or dismissed */
        patch: operations["patchBundlesMatchSuggestionsById"];
        trace?: never;
    };
    "/api/v1/admin/installation-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This installation's bundle-signing public key and key id, to give to installations that import its bundles */
        get: operations["getAdminInstallationKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/trusted-installations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Installations whose signed case bundles this installation imports */
        get: operations["getAdminTrustedInstallations"];
        put?: never;
        /** Trust another installation's bundle-signing public key (audited) */
        post: operations["postAdminTrustedInstallations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/trusted-installations/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop trusting an installation (audited); its bundles are refused from now on */
        delete: operations["deleteAdminTrustedInstallationsByKeyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild the statistics pre-aggregations not keyed for the configured time zone and the current offence catalogue (as `amaan stats rebuild`), in the background; poll the job */
        post: operations["postStatsRebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline figures computed from the records (aggregates only), by period, province and branch, beside the published figures; a supervisor sees only their branch */
        get: operations["getStatsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active staff a branch supervisor may pick: investigators and supervisors of your branch, prosecutors, protection officers */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deconfliction/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** De-confliction alerts you recorded, were told of, or (supervisor) that concern your branch; each case shown only if you may read it */
        get: operations["getDeconflictionAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deconfliction/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One de-confliction alert as you may see it */
        get: operations["getDeconflictionAlertsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deconfliction/alerts/{id}/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Supervisor of the holding case's branch: put the recorder on that case's team */
        post: operations["postDeconflictionAlertsByIdGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deconfliction/alerts/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Supervisor of the holding case's branch: close the alert without granting access */
        post: operations["postDeconflictionAlertsByIdDismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own notifications, newest first, with the unread count */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read */
        post: operations["postNotificationsByIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["postNotificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search every person against every other for duplicates, in the background (as `amaan resolve --all`); poll the job */
        post: operations["postPersonSuggestionsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Possible duplicate persons (both of whom you may see), best score first, with the reasons field by field */
        get: operations["getPersonSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One suggestion: the two persons side by side and how the score adds up */
        get: operations["getPersonSuggestionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge the two persons into the one kept; everything pointing at the other moves (undoable) */
        post: operations["postPersonSuggestionsByIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the two persons as different people */
        post: operations["postPersonSuggestionsByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/person-suggestions/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the merge made from this suggestion exactly (409 if later changes make that impossible) */
        post: operations["postPersonSuggestionsByIdUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entities you may see; the typed value is normalised per kind first ("0300-1234567" finds +923001234567) */
        get: operations["getEntities"];
        put?: never;
        /** Record an identifier by kind and value, or find it: the same value typed anywhere is one entity */
        post: operations["postEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entity with everything you may see about it: links with provenance, cases, payments, communications */
        get: operations["getEntitiesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Identifiers and links of a case: its entities, links (with the identifiers of its persons), payments and communications */
        get: operations["getCasesByIdEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a link between two nodes (an existing node you may see, or an identifier by value) with its provenance in this case */
        post: operations["postCasesByIdLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a payment between two identifiers (wallet, account, crypto address); it is also a "paid" link */
        post: operations["postCasesByIdPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/communications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a call, message exchange or live-stream session with its host, viewers and payers; each participant is also a link */
        post: operations["postCasesByIdCommunications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/neighbourhood": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The nodes within n hops of a node and the edges between them, each with the record that justifies it; filters by node type, edge kind and observed period */
        get: operations["getGraphNeighbourhood"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/path": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shortest paths between two nodes, through what you may see, with the record behind each hop */
        get: operations["getGraphPath"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/components": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Networks (connected components) of the graph you may see, largest first */
        get: operations["getGraphComponents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/component": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network holding a node, as a graph */
        get: operations["getGraphComponent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communities (Louvain) of the graph you may see, or of the network of a node */
        get: operations["getGraphCommunities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/central": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key players by degree, betweenness or PageRank, in the network (or neighbourhood) of a node or all you may see */
        get: operations["getGraphCentral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/linked-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases linked to a case and why: the shared entity, person, victim pseudonym, hash set or media */
        get: operations["getGraphLinkedCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/graph/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A neighbourhood or network as GraphML, GEXF (Gephi) or JSON; audited */
        get: operations["getGraphExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections of the case and of its operations, hearings and warrants, each with the earlier value */
        get: operations["getCasesByIdCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections of a person (names, identifiers, date of birth...), each with the earlier value */
        get: operations["getPersonsByIdCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offences/{code}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections of an offence of the catalogue, each with the earlier value */
        get: operations["getOffencesByCodeCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/warrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Warrants, proclamations and red notices of the accused of a case */
        get: operations["getCasesByIdWarrants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/persons/{personId}/warrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a warrant or notice against an accused of the case: kind, status, date, country, reference */
        post: operations["postCasesByIdPersonsByPersonIdWarrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warrants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a warrant or move it on (issued, executed, withdrawn...); the earlier values are kept */
        patch: operations["patchWarrantsById"];
        trace?: never;
    };
    "/api/v1/takedowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Takedowns of the cases you may read; `due=true` lists those whose next notice is due */
        get: operations["getTakedowns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/takedowns/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accountability report: per provider, takedowns asked, removed, refused, still up, and hours to removal (median, 90th percentile) */
        get: operations["getTakedownsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/takedowns/renotice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send (record) every repeat notice that is due now, in the cases you may read; the server also does this every few minutes */
        post: operations["postTakedownsRenotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/takedowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Takedowns of a case */
        get: operations["getCasesByIdTakedowns"];
        put?: never;
        /** Ask a platform or host to remove a URL, an onion service or an account; re-noticed on schedule until removed */
        post: operations["postCasesByIdTakedowns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/takedowns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One takedown with its status history and every notice sent */
        get: operations["getTakedownsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/takedowns/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the provider's answer or what was found: acknowledged, removed, refused, reappeared */
        post: operations["postTakedownsByIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal and cooperation requests of the cases you may read, open ones with the nearest deadline first */
        get: operations["getLegalRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-requests/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many requests are open, due soon, and lapsed (deadline passed while open), by kind */
        get: operations["getLegalRequestsFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/legal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal and cooperation requests of a case */
        get: operations["getCasesByIdLegalRequests"];
        put?: never;
        /** Record a preservation request, emergency disclosure request, production order, mutual legal assistance request or Interpol notice, with its deadline */
        post: operations["postCasesByIdLegalRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with its follow-ups and answer */
        get: operations["getLegalRequestsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-requests/{id}/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a follow-up, an extension (new deadline) or the answer (acknowledged, fulfilled, refused), or withdraw the request */
        post: operations["postLegalRequestsByIdFollowups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of a case, newest first, each with its versions and SHA-256 */
        get: operations["getCasesByIdDocuments"];
        put?: never;
        /** Upload a document to a case: multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded */
        post: operations["postCasesByIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of a person, newest first, each with its versions and SHA-256 */
        get: operations["getPersonsByIdDocuments"];
        put?: never;
        /** Upload a document to a person: multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded */
        post: operations["postPersonsByIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of an operation, newest first, each with its versions and SHA-256 */
        get: operations["getOperationsByIdDocuments"];
        put?: never;
        /** Upload a document to an operation: multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded */
        post: operations["postOperationsByIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hearings/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of a hearing, newest first, each with its versions and SHA-256 */
        get: operations["getHearingsByIdDocuments"];
        put?: never;
        /** Upload a document to a hearing: multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded */
        post: operations["postHearingsByIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/victims/{id}/care-documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of a victim's care record (assigned protection officer only), newest first, each with its versions and SHA-256 */
        get: operations["getVictimsByIdCareDocuments"];
        put?: never;
        /** Upload a document to a victim's care record (assigned protection officer only): multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded */
        post: operations["postVictimsByIdCareDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One document with every version (newest first) */
        get: operations["getDocumentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a new version (multipart/form-data, one file); earlier versions stay available */
        post: operations["postDocumentsByIdVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a version (the newest unless ?version=N), checked against its SHA-256 first; always an attachment; every download is audited */
        get: operations["getDocumentsByIdDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Districts (geography, 2023 census) and the branch covering each */
        get: operations["getDistricts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/offices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Branch offices: seat, districts covered, staff posts sanctioned and filled */
        get: operations["getAdminOffices"];
        put?: never;
        /** Create a branch office covering districts, with its staff posts (audited) */
        post: operations["postAdminOffices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/offices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One branch office */
        get: operations["getAdminOfficesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a branch, change the districts it covers or its staff posts (audited) */
        patch: operations["patchAdminOfficesById"];
        trace?: never;
    };
    "/api/v1/admin/offices/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes of a branch office (name, districts covered, staff posts), each with the earlier value, newest first */
        get: operations["getAdminOfficesByIdCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figure definitions: id, version, what each counts, its measures and legal time limit */
        get: operations["getFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One figure for a period (agency time zone), area, offence scope and grouping; exact, or suppressed as published */
        get: operations["getFiguresById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/briefing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Produce the briefing PDF in the background (recorded as published, audited); poll the job, then fetch GET /jobs/:id/output */
        post: operations["postReportsBriefing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/briefing/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HTML preview of the briefing report for a period (days in the agency time zone) and province; small counts suppressed; audited */
        get: operations["getReportsBriefingPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tip queue: by priority, then the oldest first; a branch's (branch=<id>) or the unrouted (branch=unrouted) */
        get: operations["getTips"];
        put?: never;
        /** File one report (Amaan's shape or the CyberTipline shape); answers a receipt code. The same report again (same reportId, or the same content) answers the first receipt. */
        post: operations["postTips"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tip-receipts/{receipt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The state of one of the organisation's own reports, by its receipt code */
        get: operations["getTipReceiptsByReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report what you saw, without an account (no files): answers a receipt code */
        post: operations["postTipsPublic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tip: identifiers (as entities), URLs, files with their hash matches, related tips, priority reasons, routing, the report as received */
        get: operations["getTipsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Route (or re-route) a tip to a branch */
        post: operations["postTipsByIdRoute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a case in the tip's branch from the tip: every identifier and file hash carried over */
        post: operations["postTipsByIdConvert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a tip to an existing case: every identifier and file hash carried over */
        post: operations["postTipsByIdAttach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a tip without a case, saying why */
        post: operations["postTipsByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tip-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The priority rules and their weights */
        get: operations["getTipRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tip-rules/rescore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score every open tip again under the current rules, in the background; poll the job */
        post: operations["postTipRulesRescore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tip-rules/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a rule's weight or switch it on or off; the open tips are re-scored */
        patch: operations["patchTipRulesByCode"];
        trace?: never;
    };
    "/api/v1/admin/tip-organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting organisations */
        get: operations["getAdminTipOrganisations"];
        put?: never;
        /** Add a reporting organisation (a platform or an NGO) */
        post: operations["postAdminTipOrganisations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tip-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys of the reporting organisations (never the tokens) */
        get: operations["getAdminTipKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tip-organisations/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a key to an organisation: the token is shown in this answer only */
        post: operations["postAdminTipOrganisationsByIdKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tip-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: it stops working at once */
        delete: operations["deleteAdminTipKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/figures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One figure in the reader's view: a supervisor's branch, an investigator's or prosecutor's own cases, leadership's published view; says whether the records behind it may be listed */
        get: operations["getDashboardFiguresById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/figures/{id}/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One figure by district of the offence, joined to the district outline; lists the districts the outline lacks */
        get: operations["getDashboardFiguresByIdMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/figures/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases behind one cell of a figure (drill-down), only those the reader may see; never for the published view */
        get: operations["getDashboardFiguresByIdRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/planning/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Capacity planning: the scenarios side by side, per office and nationally, with every assumption; published view (small counts suppressed); audited */
        get: operations["getPlanningScenarios"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/planning/scenarios/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scenario comparison as a published file: CSV (one table), XLSX (every table) or PDF (for a funding request); recorded as a publication and audited */
        get: operations["getPlanningScenariosFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. `errors` names each field that was refused (`body.provider`, `params.id`, `url`...). */
        ProblemDetails: {
            /**
             * Format: uri
             * @example https://amaan.invalid/problems/validation-failed
             */
            type: string;
            /** @example The request is not valid */
            title: string;
            /** @example 400 */
            status: number;
            /** @example body.provider: at least 2 characters */
            detail: string;
            /** @enum {string} */
            code: "validation_failed" | "malformed_body" | "body_too_large" | "unsupported_media_type" | "unauthenticated" | "forbidden" | "csrf_failed" | "sign_in_incomplete" | "not_found" | "conflict" | "illegal_transition" | "rate_limited" | "unavailable" | "internal";
            errors?: {
                /** @example body.provider */
                field: string;
                /** @example at least 2 characters */
                message: string;
            }[];
            /** @description Quote it to an administrator: it finds the request in the server log. */
            correlationId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            username: string;
                            displayName: string;
                            role: string;
                            branchId: number | null;
                        };
                        csrfToken: string;
                        /** @enum {string} */
                        stage: "full" | "mfa_required" | "password_change_required" | "enrol_required";
                        timeZone?: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            username: string;
                            displayName: string;
                            role: string;
                            branchId: number | null;
                        };
                        csrfToken: string | null;
                        /** @enum {string} */
                        stage: "full" | "mfa_required" | "password_change_required" | "enrol_required";
                        timeZone?: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthMfaVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    recoveryCode?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            username: string;
                            displayName: string;
                            role: string;
                            branchId: number | null;
                        };
                        csrfToken: string;
                        /** @enum {string} */
                        stage: "full" | "mfa_required" | "password_change_required" | "enrol_required";
                        timeZone?: string;
                        recoveryCodesLeft: number | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAuthMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        enabledAt: string | null;
                        recoveryCodesLeft: number;
                        required: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthMfaEnrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        otpauthUri: string;
                        qrDataUrl: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthMfaEnrolConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthMfaDisable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAuthTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuthTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        token: string;
                        expiresAt: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteAuthTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getBranches: {
        parameters: {
            query?: {
                province?: string;
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            code: string;
                            district: string;
                            province: string;
                            division: string | null;
                            population2023: number | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOffences: {
        parameters: {
            query?: {
                category?: "sexual_exploitation" | "trafficking" | "abduction" | "cyber_harassment" | "financial_fraud" | "other";
                childExploitation?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            law: string;
                            section: string;
                            title: string;
                            minYears: number | null;
                            maxYears: number | null;
                            fineNote: string | null;
                            /** @enum {string} */
                            category: "sexual_exploitation" | "trafficking" | "abduction" | "cyber_harassment" | "financial_fraud" | "other";
                            childExploitation: boolean;
                            source: string | null;
                            /** @enum {string} */
                            status: "in_force" | "proposed" | "repealed" | "uncertain";
                            verification: string | null;
                            notes: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOffencesByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        law: string;
                        section: string;
                        title: string;
                        minYears: number | null;
                        maxYears: number | null;
                        fineNote: string | null;
                        /** @enum {string} */
                        category: "sexual_exploitation" | "trafficking" | "abduction" | "cyber_harassment" | "financial_fraud" | "other";
                        childExploitation: boolean;
                        source: string | null;
                        /** @enum {string} */
                        status: "in_force" | "proposed" | "repealed" | "uncertain";
                        verification: string | null;
                        notes: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    putOffencesByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    law: string;
                    section: string;
                    title: string;
                    minYears: number | null;
                    maxYears: number | null;
                    fineNote: string | null;
                    /** @enum {string} */
                    category: "sexual_exploitation" | "trafficking" | "abduction" | "cyber_harassment" | "financial_fraud" | "other";
                    childExploitation: boolean;
                    source: string | null;
                    /** @enum {string} */
                    status: "in_force" | "proposed" | "repealed" | "uncertain";
                    verification: string | null;
                    notes: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        law: string;
                        section: string;
                        title: string;
                        minYears: number | null;
                        maxYears: number | null;
                        fineNote: string | null;
                        /** @enum {string} */
                        category: "sexual_exploitation" | "trafficking" | "abduction" | "cyber_harassment" | "financial_fraud" | "other";
                        childExploitation: boolean;
                        source: string | null;
                        /** @enum {string} */
                        status: "in_force" | "proposed" | "repealed" | "uncertain";
                        verification: string | null;
                        notes: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCases: {
        parameters: {
            query?: {
                q?: string;
                status?: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                branchId?: number;
                province?: string;
                offence?: string;
                firYear?: number;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                            firNumber: number | null;
                            firYear: number | null;
                            firLabel: string | null;
                            branchId: number;
                            district: string;
                            province: string;
                            offenceCodes: string[];
                            reportedAt: string;
                            updatedAt: string;
                        }[];
                        /** @description matching records you may see: exact when totalExact is true; otherwise there are more than this many (10,000), shown as "10,000+" */
                        total: number;
                        /** @description false when more than 10,000 records match: counting further would read them all; narrow the search to get an exact total */
                        totalExact: boolean;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    branchId: number;
                    title: string;
                    /** @default  */
                    summary?: string;
                    offenceCodes: string[];
                    /** Format: date-time */
                    reportedAt?: string;
                    districtId?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        /** @enum {string} */
                        status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        firNumber: number | null;
                        firYear: number | null;
                        firLabel: string | null;
                        branchId: number;
                        district: string;
                        province: string;
                        offenceCodes: string[];
                        reportedAt: string;
                        updatedAt: string;
                        summary: string;
                        offenceDistrict: {
                            id: number;
                            name: string;
                            province: string;
                        };
                        firRegisteredAt: string | null;
                        challanSubmittedAt: string | null;
                        team: {
                            userId: string;
                            displayName: string;
                            role: string;
                            teamRole: string;
                        }[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        allowedNextSteps: ("complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesStatusCounts: {
        parameters: {
            query?: {
                branchId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            /** @enum {string} */
                            status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                            /** @description cases in this status you may see: exact when exact is true; otherwise more than this many (100,000) */
                            count: number;
                            exact: boolean;
                        }[];
                        /** @description the sum of the counts */
                        total: number;
                        /** @description false when any count stopped at the bound */
                        totalExact: boolean;
                        /** @description the most cases counted per status */
                        bound: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        /** @enum {string} */
                        status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        firNumber: number | null;
                        firYear: number | null;
                        firLabel: string | null;
                        branchId: number;
                        district: string;
                        province: string;
                        offenceCodes: string[];
                        reportedAt: string;
                        updatedAt: string;
                        summary: string;
                        offenceDistrict: {
                            id: number;
                            name: string;
                            province: string;
                        };
                        firRegisteredAt: string | null;
                        challanSubmittedAt: string | null;
                        team: {
                            userId: string;
                            displayName: string;
                            role: string;
                            teamRole: string;
                        }[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        allowedNextSteps: ("complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    summary?: string;
                    offenceCodes?: string[];
                    districtId?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        /** @enum {string} */
                        status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        firNumber: number | null;
                        firYear: number | null;
                        firLabel: string | null;
                        branchId: number;
                        district: string;
                        province: string;
                        offenceCodes: string[];
                        reportedAt: string;
                        updatedAt: string;
                        summary: string;
                        offenceDistrict: {
                            id: number;
                            name: string;
                            province: string;
                        };
                        firRegisteredAt: string | null;
                        challanSubmittedAt: string | null;
                        team: {
                            userId: string;
                            displayName: string;
                            role: string;
                            teamRole: string;
                        }[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        allowedNextSteps: ("complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdTransitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                    reason: string;
                    firNumber?: number | string;
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        /** @enum {string} */
                        status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        firNumber: number | null;
                        firYear: number | null;
                        firLabel: string | null;
                        branchId: number;
                        district: string;
                        province: string;
                        offenceCodes: string[];
                        reportedAt: string;
                        updatedAt: string;
                        summary: string;
                        offenceDistrict: {
                            id: number;
                            name: string;
                            province: string;
                        };
                        firRegisteredAt: string | null;
                        challanSubmittedAt: string | null;
                        team: {
                            userId: string;
                            displayName: string;
                            role: string;
                            teamRole: string;
                        }[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        allowedNextSteps: ("complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    putCasesByIdTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    members: {
                        /** Format: uuid */
                        userId: string;
                        /** @enum {string} */
                        teamRole: "lead" | "member" | "prosecutor";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdTimeline: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            kind: string;
                            body: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            occurredAt: string;
                            actor: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default note
                     * @enum {string}
                     */
                    kind?: "note" | "event";
                    body: string;
                    /** Format: date-time */
                    occurredAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersons: {
        parameters: {
            query?: {
                q?: string;
                cnic?: string;
                passport?: string;
                phone?: string;
                handle?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            displayName: string;
                            otherNames: string[];
                            /** @enum {string|null} */
                            gender: "female" | "male" | "other" | "unknown" | null;
                            dateOfBirth: string | null;
                            estimatedAge: number | null;
                            nationality: string | null;
                            cnic: string | null;
                            updatedAt: string;
                        }[];
                        /** @description matching records you may see: exact when totalExact is true; otherwise there are more than this many (10,000), shown as "10,000+" */
                        total: number;
                        /** @description false when more than 10,000 records match: counting further would read them all; narrow the search to get an exact total */
                        totalExact: boolean;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @default [] */
                    names?: {
                        name: string;
                        /**
                         * @default alias
                         * @enum {string}
                         */
                        kind?: "alias" | "variant";
                        /** @enum {string} */
                        script?: "latin" | "urdu" | "other";
                    }[];
                    /** @enum {string} */
                    gender?: "female" | "male" | "other" | "unknown";
                    /** Format: date */
                    dateOfBirth?: string;
                    estimatedAge?: number;
                    /** @example PK */
                    nationality?: string;
                    /** @example 35202-1234567-1 */
                    cnic?: string;
                    /** @example AB1234567 */
                    passport?: string;
                    phones?: string[];
                    identifiers?: {
                        /** @enum {string} */
                        kind: "email" | "handle" | "bank_account" | "wallet" | "crypto_address" | "device" | "other";
                        value: string;
                        platform?: string;
                    }[];
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        displayName: string;
                        otherNames: string[];
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        dateOfBirth: string | null;
                        estimatedAge: number | null;
                        nationality: string | null;
                        cnic: string | null;
                        updatedAt: string;
                        nationalityName: string | null;
                        passport: string | null;
                        notes: string;
                        names: {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            script: "latin" | "urdu" | "other";
                            /** @enum {string} */
                            kind: "primary" | "alias" | "variant";
                        }[];
                        phones: string[];
                        phoneEntities: {
                            value: string;
                            entityId: string;
                        }[];
                        identifiers: {
                            id: string;
                            entityId: string;
                            kind: string;
                            value: string;
                            platform: string | null;
                        }[];
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                        }[];
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersonsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        displayName: string;
                        otherNames: string[];
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        dateOfBirth: string | null;
                        estimatedAge: number | null;
                        nationality: string | null;
                        cnic: string | null;
                        updatedAt: string;
                        nationalityName: string | null;
                        passport: string | null;
                        notes: string;
                        names: {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            script: "latin" | "urdu" | "other";
                            /** @enum {string} */
                            kind: "primary" | "alias" | "variant";
                        }[];
                        phones: string[];
                        phoneEntities: {
                            value: string;
                            entityId: string;
                        }[];
                        identifiers: {
                            id: string;
                            entityId: string;
                            kind: string;
                            value: string;
                            platform: string | null;
                        }[];
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                        }[];
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchPersonsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    names?: {
                        name: string;
                        /**
                         * @default alias
                         * @enum {string}
                         */
                        kind?: "alias" | "variant";
                        /** @enum {string} */
                        script?: "latin" | "urdu" | "other";
                    }[];
                    /** @enum {string|null} */
                    gender?: "female" | "male" | "other" | "unknown" | null;
                    /** Format: date */
                    dateOfBirth?: string | null;
                    estimatedAge?: number | null;
                    /** @example PK */
                    nationality?: string | null;
                    /** @example 35202-1234567-1 */
                    cnic?: string | null;
                    /** @example AB1234567 */
                    passport?: string | null;
                    phones?: string[];
                    identifiers?: {
                        /** @enum {string} */
                        kind: "email" | "handle" | "bank_account" | "wallet" | "crypto_address" | "device" | "other";
                        value: string;
                        platform?: string;
                    }[];
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        displayName: string;
                        otherNames: string[];
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        dateOfBirth: string | null;
                        estimatedAge: number | null;
                        nationality: string | null;
                        cnic: string | null;
                        updatedAt: string;
                        nationalityName: string | null;
                        passport: string | null;
                        notes: string;
                        names: {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            script: "latin" | "urdu" | "other";
                            /** @enum {string} */
                            kind: "primary" | "alias" | "variant";
                        }[];
                        phones: string[];
                        phoneEntities: {
                            value: string;
                            entityId: string;
                        }[];
                        identifiers: {
                            id: string;
                            entityId: string;
                            kind: string;
                            value: string;
                            platform: string | null;
                        }[];
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                        }[];
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdPersons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        persons: {
                            personId: string;
                            displayName: string;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            accused: boolean;
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                            allowedNextStatuses: ("at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted")[];
                            statusHistory: {
                                from: string | null;
                                to: string;
                                reason: string;
                                actor: string | null;
                                at: string;
                            }[];
                        }[];
                        victims: {
                            id: string;
                            pseudonym: string;
                            state: string;
                            /** @enum {string|null} */
                            gender: "female" | "male" | "other" | "unknown" | null;
                            ageAtIdentification: number | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdPersons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    personId?: string;
                    person?: {
                        displayName: string;
                        /** @default [] */
                        names?: {
                            name: string;
                            /**
                             * @default alias
                             * @enum {string}
                             */
                            kind?: "alias" | "variant";
                            /** @enum {string} */
                            script?: "latin" | "urdu" | "other";
                        }[];
                        /** @enum {string} */
                        gender?: "female" | "male" | "other" | "unknown";
                        /** Format: date */
                        dateOfBirth?: string;
                        estimatedAge?: number;
                        /** @example PK */
                        nationality?: string;
                        /** @example 35202-1234567-1 */
                        cnic?: string;
                        /** @example AB1234567 */
                        passport?: string;
                        phones?: string[];
                        identifiers?: {
                            /** @enum {string} */
                            kind: "email" | "handle" | "bank_account" | "wallet" | "crypto_address" | "device" | "other";
                            value: string;
                            platform?: string;
                        }[];
                        /** @default  */
                        notes?: string;
                    };
                    /** @enum {string} */
                    role: "suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant";
                    foreignWarrantRequested?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        persons: {
                            personId: string;
                            displayName: string;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            accused: boolean;
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                            allowedNextStatuses: ("at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted")[];
                            statusHistory: {
                                from: string | null;
                                to: string;
                                reason: string;
                                actor: string | null;
                                at: string;
                            }[];
                        }[];
                        victims: {
                            id: string;
                            pseudonym: string;
                            state: string;
                            /** @enum {string|null} */
                            gender: "female" | "male" | "other" | "unknown" | null;
                            ageAtIdentification: number | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdPersonsByPersonIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted";
                    reason: string;
                    /** Format: date-time */
                    at?: string;
                    place?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        persons: {
                            personId: string;
                            displayName: string;
                            roles: ("suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant")[];
                            accused: boolean;
                            /** @enum {string|null} */
                            accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                            foreignWarrantRequested: boolean;
                            allowedNextStatuses: ("at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted")[];
                            statusHistory: {
                                from: string | null;
                                to: string;
                                reason: string;
                                actor: string | null;
                                at: string;
                            }[];
                        }[];
                        victims: {
                            id: string;
                            pseudonym: string;
                            state: string;
                            /** @enum {string|null} */
                            gender: "female" | "male" | "other" | "unknown" | null;
                            ageAtIdentification: number | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchCasesByIdPersonsByPersonId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    foreignWarrantRequested: boolean;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdVictims: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    gender?: "female" | "male" | "other" | "unknown";
                    ageAtIdentification?: number;
                    /** Format: date-time */
                    identifiedAt?: string;
                    identity?: {
                        fullName?: string | null;
                        urduName?: string | null;
                        /** Format: date */
                        dateOfBirth?: string | null;
                        guardianName?: string | null;
                        guardianContact?: string | null;
                        address?: string | null;
                        /** @example 35202-1234567-1 */
                        cnicOrBForm?: string | null;
                        notes?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    putCasesByIdVictimsByVictimId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                victimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVictims: {
        parameters: {
            query?: {
                assigned?: "me";
                state?: "identified" | "recovered" | "placed" | "closed";
                caseId?: string;
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            pseudonym: string;
                            /** @enum {string|null} */
                            gender: "female" | "male" | "other" | "unknown" | null;
                            ageAtIdentification: number | null;
                            /** @enum {string} */
                            state: "identified" | "recovered" | "placed" | "closed";
                            identifiedAt: string;
                            recoveredAt: string | null;
                            placedAt: string | null;
                            closedAt: string | null;
                            currentPlacement: {
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                startedAt: string;
                                facility: string | null;
                            } | null;
                            nextFollowupDue: string | null;
                            assignedToMe: boolean;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVictimsSafeguarding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unassigned: {
                            victimId: string;
                            pseudonym: string;
                            /** @enum {string} */
                            state: "identified" | "recovered" | "placed" | "closed";
                            rescuedAt: string;
                            daysWaiting: number;
                            cases: {
                                caseId: string;
                                title: string;
                                firLabel: string | null;
                            }[];
                        }[];
                        overdue: {
                            victimId: string;
                            pseudonym: string;
                            followupId: string;
                            /** @enum {string|null} */
                            kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other" | null;
                            dueAt: string;
                            daysOverdue: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVictimsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVictimsByIdIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        victimId: string;
                        pseudonym: string;
                        fullName: string | null;
                        urduName: string | null;
                        dateOfBirth: string | null;
                        guardianName: string | null;
                        guardianContact: string | null;
                        address: string | null;
                        cnicOrBForm: string | null;
                        notes: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchVictimsByIdIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName?: string | null;
                    urduName?: string | null;
                    /** Format: date */
                    dateOfBirth?: string | null;
                    guardianName?: string | null;
                    guardianContact?: string | null;
                    address?: string | null;
                    /** @example 35202-1234567-1 */
                    cnicOrBForm?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdTransitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "identified" | "recovered" | "placed" | "closed";
                    reason: string;
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteVictimsByIdAssignmentsByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdPlacements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "child_protection_bureau" | "family" | "shelter";
                    facility: string;
                    /** Format: date-time */
                    startedAt?: string;
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdFollowups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                    /** Format: date-time */
                    dueAt: string;
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdFollowupsByFollowupIdDone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                followupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    doneAt?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        identifiedAt: string;
                        recoveredAt: string | null;
                        placedAt: string | null;
                        closedAt: string | null;
                        currentPlacement: {
                            /** @enum {string} */
                            kind: "child_protection_bureau" | "family" | "shelter";
                            startedAt: string;
                            facility: string | null;
                        } | null;
                        nextFollowupDue: string | null;
                        assignedToMe: boolean;
                        cases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        assignedOfficers: {
                            userId: string;
                            displayName: string;
                        }[];
                        hasIdentity: boolean;
                        allowedNextStates: ("identified" | "recovered" | "placed" | "closed")[];
                        history: {
                            from: string | null;
                            to: string;
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            actor: string | null;
                            at: string;
                        }[];
                        care: {
                            placements: {
                                id: string;
                                /** @enum {string} */
                                kind: "child_protection_bureau" | "family" | "shelter";
                                facility: string;
                                startedAt: string;
                                endedAt: string | null;
                                notes: string;
                            }[];
                            followups: {
                                id: string;
                                /** @enum {string} */
                                kind: "medical" | "psychosocial" | "legal" | "education" | "home_visit" | "other";
                                dueAt: string;
                                doneAt: string | null;
                                notes: string;
                            }[];
                        } | null;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdOperations: {
        parameters: {
            query?: {
                status?: "planned" | "approved" | "executed" | "cancelled";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            name: string;
                            /** @enum {string} */
                            status: "planned" | "approved" | "executed" | "cancelled";
                            plannedFor: string;
                            place: string;
                            agencies: string[];
                            approvedBy: {
                                id: string;
                                displayName: string;
                            } | null;
                            approvedAt: string | null;
                            executedAt: string | null;
                            durationMinutes: number | null;
                            cancelledAt: string | null;
                            cancelReason: string | null;
                            createdBy: {
                                id: string;
                                displayName: string;
                            } | null;
                            createdAt: string;
                            counts: {
                                arrests: number;
                                rescues: number;
                                seizures: number;
                            };
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: date-time */
                    plannedFor: string;
                    place: string;
                    /** @default [] */
                    agencies?: string[];
                    /** @default  */
                    notes?: string;
                    /** @default [] */
                    officerIds?: string[];
                    /** @default [] */
                    caseIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOperationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchOperationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: date-time */
                    plannedFor?: string;
                    place?: string;
                    agencies?: string[];
                    notes?: string;
                    officerIds?: string[];
                    caseIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postOperationsByIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postOperationsByIdExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    executedAt: string;
                    durationMinutes: number;
                    notes?: string;
                    /** @default [] */
                    arrestedPersonIds?: string[];
                    /** @default [] */
                    rescuedVictimIds?: string[];
                    /** @default [] */
                    seizedItems?: {
                        label: string;
                        /** @enum {string} */
                        kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                        /** @default  */
                        description?: string;
                        /** Format: uuid */
                        custodianId?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postOperationsByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        approvedAt: string | null;
                        executedAt: string | null;
                        durationMinutes: number | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        counts: {
                            arrests: number;
                            rescues: number;
                            seizures: number;
                        };
                        notes: string;
                        officers: {
                            id: string;
                            displayName: string;
                        }[];
                        servedCases: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        }[];
                        arrests: {
                            id: string;
                            personId: string;
                            displayName: string;
                            arrestedAt: string;
                            place: string;
                        }[];
                        rescues: {
                            id: string;
                            victimId: string;
                            pseudonym: string;
                            rescuedAt: string;
                        }[];
                        seizures: {
                            id: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedActions: ("edit" | "approve" | "execute" | "cancel")[];
                        executeBlockedReason: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdEvidence: {
        parameters: {
            query?: {
                kind?: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                operationId?: string;
                custodianId?: string;
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            label: string;
                            /** @enum {string} */
                            kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                            description: string;
                            seizedAt: string | null;
                            operation: {
                                id: string;
                                name: string;
                            } | null;
                            custodian: {
                                id: string;
                                displayName: string;
                            } | null;
                            createdAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label: string;
                    /** @enum {string} */
                    kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                    /** @default  */
                    description?: string;
                    /** Format: uuid */
                    custodianId?: string;
                    /** Format: uuid */
                    operationId?: string;
                    /** Format: date-time */
                    seizedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        label: string;
                        /** @enum {string} */
                        kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                        description: string;
                        seizedAt: string | null;
                        operation: {
                            id: string;
                            name: string;
                        } | null;
                        custodian: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        chain: {
                            id: number;
                            from: {
                                id: string;
                                displayName: string;
                            } | null;
                            to: {
                                id: string;
                                displayName: string;
                            };
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            at: string;
                            recordedBy: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        media: {
                            ingestJobs: number;
                            files: number;
                        };
                        canTransfer: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEvidenceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        label: string;
                        /** @enum {string} */
                        kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                        description: string;
                        seizedAt: string | null;
                        operation: {
                            id: string;
                            name: string;
                        } | null;
                        custodian: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        chain: {
                            id: number;
                            from: {
                                id: string;
                                displayName: string;
                            } | null;
                            to: {
                                id: string;
                                displayName: string;
                            };
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            at: string;
                            recordedBy: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        media: {
                            ingestJobs: number;
                            files: number;
                        };
                        canTransfer: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postEvidenceByIdTransfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    toUserId: string;
                    reason: string;
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        label: string;
                        /** @enum {string} */
                        kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                        description: string;
                        seizedAt: string | null;
                        operation: {
                            id: string;
                            name: string;
                        } | null;
                        custodian: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        chain: {
                            id: number;
                            from: {
                                id: string;
                                displayName: string;
                            } | null;
                            to: {
                                id: string;
                                displayName: string;
                            };
                            reason: string;
                            /** @description The sentence's code (src/platform/text/event-texts.schema.ts); null for an officer's own words or a sentence from before codes */
                            code: string | null;
                            /** @description The values put into the sentence, by placeholder name */
                            params: {
                                [key: string]: string | number;
                            } | null;
                            at: string;
                            recordedBy: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        media: {
                            ingestJobs: number;
                            files: number;
                        };
                        canTransfer: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdProsecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdCharges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    personId: string;
                    offenceCode: string;
                    court: string;
                    /** Format: date-time */
                    framedAt: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdHearings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    court: string;
                    /** Format: date-time */
                    scheduledFor: string;
                    purpose: string;
                    outcome?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchHearingsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    court?: string;
                    /** Format: date-time */
                    scheduledFor?: string;
                    purpose?: string;
                    outcome?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdVerdicts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    personId: string;
                    /** @enum {string} */
                    outcome: "convicted" | "acquitted";
                    court: string;
                    /** Format: date-time */
                    decidedAt: string;
                    sentence?: {
                        years: number;
                        months: number;
                    };
                    fineRupees?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVerdictsByIdAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    court: string;
                    /** Format: date-time */
                    filedAt: string;
                    /** @enum {string} */
                    filedBy: "prosecution" | "defence";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchAppealsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "allowed" | "dismissed" | "withdrawn";
                    /** Format: date-time */
                    decidedAt: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        charges: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            offenceCode: string;
                            offenceTitle: string;
                            law: string;
                            section: string;
                            court: string;
                            framedAt: string;
                        }[];
                        hearings: {
                            id: string;
                            court: string;
                            scheduledFor: string;
                            purpose: string;
                            outcome: string | null;
                        }[];
                        verdicts: {
                            id: string;
                            person: {
                                id: string;
                                displayName: string;
                            };
                            /** @enum {string} */
                            outcome: "convicted" | "acquitted";
                            court: string;
                            decidedAt: string;
                            sentenceMonths: number | null;
                            sentence: {
                                years: number;
                                months: number;
                            } | null;
                            fineRupees: number | null;
                            appeals: {
                                id: string;
                                verdictId: string;
                                court: string;
                                filedAt: string;
                                /** @enum {string} */
                                filedBy: "prosecution" | "defence";
                                /** @enum {string} */
                                status: "pending" | "allowed" | "dismissed" | "withdrawn";
                                decidedAt: string | null;
                            }[];
                        }[];
                        accused: {
                            id: string;
                            displayName: string;
                            status: string | null;
                            charged: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: number;
                        bytes: number;
                        errors: number;
                        videosUnhashed: number;
                        errorsByCode: {
                            [key: string]: number;
                        };
                        lowQuality: number;
                        knownMaterial: number;
                        byKind: {
                            [key: string]: number;
                        };
                        categories: {
                            hashSet: string;
                            category: string;
                            files: number;
                        }[];
                        linkedCases: {
                            caseId: string;
                            title: string;
                            firLabel: string | null;
                            district: string;
                            province: string;
                            sharedFiles: number;
                            matchTypes: string[];
                        }[];
                        jobs: {
                            id: string;
                            evidenceId: string;
                            rootPath: string;
                            status: string;
                            filesTotal: number | null;
                            bytesTotal: number | null;
                            filesDone: number;
                            bytesDone: number;
                            filesFailed: number;
                            videosUnhashed: number;
                            error: string | null;
                            startedAt: string | null;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdMediaFiles: {
        parameters: {
            query?: {
                kind?: "image" | "video" | "document" | "archive" | "other" | "symlink" | "unreadable";
                status?: "matched" | "known" | "linked" | "error" | "low_quality" | "new";
                evidenceId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            evidenceId: string;
                            path: string;
                            size: number;
                            kind: string;
                            mime: string | null;
                            modifiedAt: string | null;
                            md5: string | null;
                            sha1: string | null;
                            sha256: string | null;
                            pdq: string | null;
                            pdqQuality: number | null;
                            lowQuality: boolean;
                            videoFrames: number | null;
                            error: string | null;
                            errorCode: string | null;
                            matches: {
                                type: string;
                                distance: number;
                                hashSet: string | null;
                                category: string | null;
                                series: string | null;
                                otherCaseId: string | null;
                                otherCaseHidden: boolean;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMediaIngestRoots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roots: {
                            path: string;
                            demo: boolean;
                        }[];
                        demoFolder: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdMediaIngest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    evidenceId: string;
                    path: string;
                    /** @default 31 */
                    threshold?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getHashSets: {
        parameters: {
            query?: {
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            source: string;
                            version: string;
                            description: string;
                            categoryScheme: string;
                            entryCount: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getHashSetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        source: string;
                        version: string;
                        description: string;
                        categoryScheme: string;
                        entryCount: number;
                        createdAt: string;
                        updatedAt: string;
                        categories: {
                            category: string;
                            count: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteHashSetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postHashSetsImport: {
        parameters: {
            query: {
                name: string;
                source: string;
                version?: string;
                description?: string;
                format: "vics" | "icse" | "csv" | "md5-list" | "sha1-list" | "sha256-list" | "pdq-list";
                categoryScheme?: "us" | "uk" | "custom";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getJobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        /** @enum {string} */
                        state: "running" | "done" | "failed";
                        progress: {
                            done: number;
                            total: number | null;
                            unit: string;
                        };
                        result?: unknown;
                        error?: string;
                        startedAt: string;
                        finishedAt?: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getJobsByIdOutput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getHashSetsByIdExport: {
        parameters: {
            query: {
                format: "vics" | "icse" | "csv" | "md5-list" | "sha1-list" | "sha256-list" | "pdq-list";
                amaan?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminUsers: {
        parameters: {
            query?: {
                /** @description part of the username or display name */
                q?: string;
                role?: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                branchId?: number;
                disabled?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                            branchId: number | null;
                            district: string | null;
                            disabled: boolean;
                            isDemo: boolean;
                            serviceAccount: boolean;
                            mfaEnabled: boolean;
                            mustChangePassword: boolean;
                            lockedUntil: string | null;
                            activeTokens: number;
                            createdAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    displayName: string;
                    /** @enum {string} */
                    role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                    branchId?: number | null;
                    password?: string;
                    serviceAccount?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        username: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                        branchId: number | null;
                        district: string | null;
                        disabled: boolean;
                        isDemo: boolean;
                        serviceAccount: boolean;
                        mfaEnabled: boolean;
                        mustChangePassword: boolean;
                        lockedUntil: string | null;
                        activeTokens: number;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        username: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                        branchId: number | null;
                        district: string | null;
                        disabled: boolean;
                        isDemo: boolean;
                        serviceAccount: boolean;
                        mfaEnabled: boolean;
                        mustChangePassword: boolean;
                        lockedUntil: string | null;
                        activeTokens: number;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchAdminUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @enum {string} */
                    role?: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                    branchId?: number | null;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        username: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                        branchId: number | null;
                        district: string | null;
                        disabled: boolean;
                        isDemo: boolean;
                        serviceAccount: boolean;
                        mfaEnabled: boolean;
                        mustChangePassword: boolean;
                        lockedUntil: string | null;
                        activeTokens: number;
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminUsersByIdPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminUsersByIdMfaReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminUsersByIdTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminUsersByIdTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        token: string;
                        expiresAt: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteAdminUsersByIdTokensByTokenId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminBranches: {
        parameters: {
            query?: {
                province?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            code: string;
                            district: string;
                            province: string;
                            division: string | null;
                            staff: number;
                            enabledStaff: number;
                            investigators: number;
                            supervisors: number;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminTeamOverview: {
        parameters: {
            query?: {
                branchId?: number;
                role?: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            userId: string;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "investigator" | "supervisor" | "analyst" | "protection_officer" | "prosecutor" | "leadership" | "administrator" | "auditor";
                            branchId: number | null;
                            disabled: boolean;
                            cases: number;
                            asLead: number;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description actor name (as recorded) or actor id */
                actor?: string;
                action?: string;
                entityType?: string;
                entityId?: string;
                from?: string;
                to?: string;
                order?: "asc" | "desc";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            seq: number;
                            at: string;
                            actorId: string | null;
                            actorName: string;
                            action: string;
                            entityType: string;
                            entityId: string | null;
                            ip: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** @enum {string|null} */
                            credentialKind: "session" | "token" | "system" | null;
                            credentialId: string | null;
                            v: number;
                            prevHash: string;
                            hash: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    anchor?: {
                        seq: number;
                        hash: string;
                    };
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        entries: number;
                        legacyEntries: number;
                        headHash: string;
                        headSeq: number | null;
                        checkpoints: {
                            count: number;
                            latestSeq: number | null;
                            latestAt: string | null;
                        };
                        problems: {
                            /** @enum {string} */
                            kind: "edited" | "chain_broken" | "missing" | "reordered" | "checkpoint_mismatch" | "cut_back" | "empty" | "no_genesis";
                            seq: number | null;
                            detail: string;
                            action: string | null;
                            at: string | null;
                            actorName: string | null;
                        }[];
                        problemCount: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postBundlesImport: {
        parameters: {
            query: {
                branchId: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format: "amaan.case-bundle";
                    /** @enum {number} */
                    version: 2;
                    /** Format: date-time */
                    exportedAt: string;
                    exportedBy: string;
                    digest: string;
                    signature?: {
                        /** @enum {string} */
                        algorithm: "ed25519";
                        keyId: string;
                        publicKey: string;
                        value: string;
                    };
                    source: {
                        /** Format: uuid */
                        caseId: string;
                        branchCode: string;
                        district: string;
                        province: string;
                    };
                    notIncluded: string[];
                    case: {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        summary: string;
                        /** @enum {string} */
                        status: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        firNumber: number | null;
                        firYear: number | null;
                        /** Format: date-time */
                        firRegisteredAt: string | null;
                        /** Format: date-time */
                        challanSubmittedAt: string | null;
                        /** Format: date-time */
                        reportedAt: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        createdBy: string | null;
                    };
                    offences: string[];
                    team: {
                        username: string;
                        /** @enum {string} */
                        teamRole: "lead" | "member" | "prosecutor";
                        /** Format: date-time */
                        addedAt: string;
                    }[];
                    statusHistory: {
                        /** @enum {string|null} */
                        from: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal" | null;
                        /** @enum {string} */
                        to: "complaint_received" | "inquiry_open" | "inquiry_closed" | "fir_registered" | "under_investigation" | "interim_challan" | "challan_submitted" | "cancelled_or_discharged" | "in_trial" | "charge_framed" | "evidence" | "convicted" | "acquitted" | "under_appeal";
                        reason: string;
                        code?: string | null;
                        params?: {
                            [key: string]: string | number;
                        } | null;
                        actor: string | null;
                        /** Format: date-time */
                        at: string;
                    }[];
                    timeline: {
                        /** @enum {string} */
                        kind: "note" | "event" | "status" | "person" | "operation" | "evidence" | "prosecution";
                        body: string;
                        code?: string | null;
                        params?: {
                            [key: string]: string | number;
                        } | null;
                        /** Format: date-time */
                        occurredAt: string;
                        actor: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                    persons: {
                        /** Format: uuid */
                        id: string;
                        displayName: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        /** Format: date */
                        dateOfBirth: string | null;
                        estimatedAge: number | null;
                        nationality: string | null;
                        cnic: string | null;
                        passport: string | null;
                        notes: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        createdBy: string | null;
                        names: {
                            name: string;
                            /** @enum {string} */
                            script: "latin" | "urdu" | "other";
                            /** @enum {string} */
                            kind: "primary" | "alias" | "variant";
                        }[];
                        identifiers: {
                            /** @enum {string} */
                            kind: "phone" | "email" | "handle" | "bank_account" | "wallet" | "crypto_address" | "device" | "other";
                            value: string;
                            platform: string | null;
                        }[];
                    }[];
                    personRoles: {
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        role: "suspect" | "ringleader" | "facilitator" | "guardian" | "complicit_family" | "witness" | "informant";
                        /** @enum {string|null} */
                        accusedStatus: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                        foreignWarrantRequested: boolean;
                        /** Format: date-time */
                        addedAt: string;
                    }[];
                    accusedHistory: {
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string|null} */
                        from: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted" | null;
                        /** @enum {string} */
                        to: "at_large" | "arrested" | "physical_remand" | "judicial_remand" | "on_bail" | "proclaimed_offender" | "convicted" | "acquitted";
                        reason: string;
                        actor: string | null;
                        /** Format: date-time */
                        at: string;
                    }[];
                    victims: {
                        /** Format: uuid */
                        id: string;
                        pseudonym: string;
                        /** @enum {string|null} */
                        gender: "female" | "male" | "other" | "unknown" | null;
                        ageAtIdentification: number | null;
                        /** @enum {string} */
                        state: "identified" | "recovered" | "placed" | "closed";
                        /** Format: date-time */
                        identifiedAt: string;
                        /** Format: date-time */
                        recoveredAt: string | null;
                        /** Format: date-time */
                        placedAt: string | null;
                        /** Format: date-time */
                        closedAt: string | null;
                        /** Format: date-time */
                        addedAt: string;
                    }[];
                    operations: {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "planned" | "approved" | "executed" | "cancelled";
                        /** Format: date-time */
                        plannedFor: string;
                        place: string;
                        agencies: string[];
                        approvedBy: string | null;
                        /** Format: date-time */
                        approvedAt: string | null;
                        /** Format: date-time */
                        executedAt: string | null;
                        durationMinutes: number | null;
                        notes: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        cancelledAt: string | null;
                        cancelledBy: string | null;
                        cancelReason: string | null;
                    }[];
                    arrests: {
                        /** Format: uuid */
                        personId: string;
                        /** Format: uuid */
                        operationId: string | null;
                        /** Format: date-time */
                        arrestedAt: string;
                        place: string;
                        createdBy: string | null;
                    }[];
                    rescues: {
                        /** Format: uuid */
                        operationId: string;
                        /** Format: uuid */
                        victimId: string;
                        /** Format: date-time */
                        rescuedAt: string;
                    }[];
                    evidence: {
                        /** Format: uuid */
                        id: string;
                        label: string;
                        /** @enum {string} */
                        kind: "phone" | "computer" | "storage" | "document" | "media_folder" | "other";
                        description: string;
                        /** Format: uuid */
                        operationId: string | null;
                        /** Format: date-time */
                        seizedAt: string | null;
                        custodian: string | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        custody: {
                            from: string | null;
                            to: string;
                            reason: string;
                            code?: string | null;
                            params?: {
                                [key: string]: string | number;
                            } | null;
                            /** Format: date-time */
                            at: string;
                            recordedBy: string | null;
                        }[];
                    }[];
                    charges: {
                        /** Format: uuid */
                        personId: string;
                        offenceCode: string;
                        court: string;
                        /** Format: date-time */
                        framedAt: string;
                        createdBy: string | null;
                    }[];
                    hearings: {
                        court: string;
                        /** Format: date-time */
                        scheduledFor: string;
                        purpose: string;
                        outcome: string | null;
                        createdBy: string | null;
                    }[];
                    verdicts: {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        outcome: "convicted" | "acquitted";
                        court: string;
                        /** Format: date-time */
                        decidedAt: string;
                        sentenceMonths: number | null;
                        fineRupees: number | null;
                        createdBy: string | null;
                        appeals: {
                            court: string;
                            /** Format: date-time */
                            filedAt: string;
                            /** @enum {string} */
                            filedBy: "prosecution" | "defence";
                            /** @enum {string} */
                            status: "pending" | "allowed" | "dismissed" | "withdrawn";
                            /** Format: date-time */
                            decidedAt: string | null;
                            createdBy: string | null;
                        }[];
                    }[];
                    documents?: {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        attachedTo: "case" | "operation" | "hearing";
                        /** Format: uuid */
                        operationId: string | null;
                        hearingIndex: number | null;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        /** Format: date */
                        documentDate: string | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string | null;
                            /** Format: date-time */
                            uploadedAt: string;
                            /** Format: base64 */
                            content: string;
                        }[];
                    }[];
                    warrants?: {
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        kind: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                        /** @enum {string} */
                        status: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                        /** Format: date */
                        issuedOn: string | null;
                        country: string | null;
                        reference: string | null;
                        notes: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        branchId: number;
                        firLabel: string | null;
                        counts: {
                            [key: string]: number;
                        };
                        personsMatchedByCnic: number;
                        victimsLinked: number;
                        signer: {
                            keyId: string;
                            name: string;
                        };
                        teamNotApplied: {
                            username: string;
                            teamRole: string;
                        }[];
                        pseudonymsChanged: {
                            from: string;
                            to: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getBundlesMatchSuggestions: {
        parameters: {
            query?: {
                status?: "open" | "confirmed" | "dismissed";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            recordType: "person" | "victim";
                            newId: string;
                            existingId: string;
                            /** @enum {string} */
                            reason: "same_cnic" | "same_passport" | "same_victim_record";
                            bundleDigest: string;
                            signerKeyId: string;
                            importedCaseId: string | null;
                            /** @enum {string} */
                            status: "open" | "confirmed" | "dismissed";
                            createdAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchBundlesMatchSuggestionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "confirmed" | "dismissed";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminInstallationKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        publicKey: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminTrustedInstallations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            keyId: string;
                            name: string;
                            publicKey: string;
                            addedAt: string;
                            addedBy: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminTrustedInstallations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    publicKey: string;
                    keyId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        publicKey: string;
                        addedAt: string;
                        addedBy: string | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteAdminTrustedInstallationsByKeyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postStatsRebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getStatsSummary: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                province?: string;
                branchId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scope: {
                            from: string | null;
                            to: string | null;
                            province: string | null;
                            branch: {
                                id: number;
                                code: string;
                                district: string;
                                province: string;
                            } | null;
                            restrictedToBranch: boolean;
                        };
                        firs: {
                            childExploitation: number;
                            all: number;
                        };
                        arrests: {
                            childExploitation: number;
                            all: number;
                        };
                        convictions: {
                            persons: number;
                            allOffences: number;
                            sentenceMonths: {
                                min: number | null;
                                max: number | null;
                            };
                            sentenceYears: {
                                min: number | null;
                                max: number | null;
                            };
                        };
                        acquittals: {
                            persons: number;
                            allOffences: number;
                        };
                        children: {
                            identified: number;
                            rescued: number;
                            inCare: number;
                            inCareByPlacement: {
                                child_protection_bureau: number;
                                family: number;
                                shelter: number;
                            };
                        };
                        casesByStatus: {
                            status: string;
                            all: number;
                            childExploitation: number;
                        }[];
                        byProvince: {
                            province: string;
                            firs: number;
                            arrests: number;
                            personsConvicted: number;
                        }[];
                        published: {
                            nationalScope: boolean;
                            comparison: {
                                figure: string;
                                computed: number;
                                published: {
                                    period: string;
                                    covers: {
                                        from: string | null;
                                        to: string;
                                    } | null;
                                    metric: string;
                                    value: number;
                                    sources: string[];
                                    citations: {
                                        publisher: string;
                                        title: string | null;
                                        publishedOn: string | null;
                                        url: string;
                                    }[];
                                };
                            }[];
                            figures: {
                                period: string;
                                covers: {
                                    from: string | null;
                                    to: string;
                                } | null;
                                metric: string;
                                value: number;
                                sources: string[];
                                citations: {
                                    publisher: string;
                                    title: string | null;
                                    publishedOn: string | null;
                                    url: string;
                                }[];
                            }[];
                        };
                        definitions: {
                            [key: string]: string;
                        };
                        generatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: {
                /** @description investigators and supervisors: your branch only; prosecutors and protection officers belong to no branch */
                role?: "investigator" | "supervisor" | "prosecutor" | "protection_officer";
                /** @description narrows branch staff; only your own branch answers anyone */
                branchId?: number;
                /** @description part of the display name */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "investigator" | "supervisor" | "prosecutor" | "protection_officer";
                            branchId: number | null;
                            district: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDeconflictionAlerts: {
        parameters: {
            query?: {
                status?: "open" | "granted" | "dismissed";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            status: "open" | "granted" | "dismissed";
                            /** @enum {string} */
                            side: "recorder" | "holder";
                            identifier: {
                                entityId: string;
                                kind: string;
                                display: string;
                                platform: string | null;
                            };
                            recordedIn: {
                                id: string;
                                title: string;
                                firLabel: string | null;
                            } | null;
                            holderCase: {
                                id: string;
                                title: string;
                                firLabel: string | null;
                            } | null;
                            recordedBy: {
                                userId: string;
                                displayName: string;
                                district: string | null;
                            };
                            decidedBy: string | null;
                            decisionNote: string | null;
                            decidedAt: string | null;
                            createdAt: string;
                            canDecide: boolean;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDeconflictionAlertsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "open" | "granted" | "dismissed";
                        /** @enum {string} */
                        side: "recorder" | "holder";
                        identifier: {
                            entityId: string;
                            kind: string;
                            display: string;
                            platform: string | null;
                        };
                        recordedIn: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        holderCase: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        recordedBy: {
                            userId: string;
                            displayName: string;
                            district: string | null;
                        };
                        decidedBy: string | null;
                        decisionNote: string | null;
                        decidedAt: string | null;
                        createdAt: string;
                        canDecide: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postDeconflictionAlertsByIdGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description why; shown to the holding side only */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "open" | "granted" | "dismissed";
                        /** @enum {string} */
                        side: "recorder" | "holder";
                        identifier: {
                            entityId: string;
                            kind: string;
                            display: string;
                            platform: string | null;
                        };
                        recordedIn: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        holderCase: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        recordedBy: {
                            userId: string;
                            displayName: string;
                            district: string | null;
                        };
                        decidedBy: string | null;
                        decisionNote: string | null;
                        decidedAt: string | null;
                        createdAt: string;
                        canDecide: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postDeconflictionAlertsByIdDismiss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description why; shown to the holding side only */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "open" | "granted" | "dismissed";
                        /** @enum {string} */
                        side: "recorder" | "holder";
                        identifier: {
                            entityId: string;
                            kind: string;
                            display: string;
                            platform: string | null;
                        };
                        recordedIn: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        holderCase: {
                            id: string;
                            title: string;
                            firLabel: string | null;
                        } | null;
                        recordedBy: {
                            userId: string;
                            displayName: string;
                            district: string | null;
                        };
                        decidedBy: string | null;
                        decisionNote: string | null;
                        decidedAt: string | null;
                        createdAt: string;
                        canDecide: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                /** @description true: only unread ones */
                unread?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "deconfliction.alert" | "deconfliction.granted" | "deconfliction.dismissed" | "legal_request.deadline" | "safeguarding.unassigned" | "safeguarding.overdue" | "media.known_match";
                            createdAt: string;
                            readAt: string | null;
                            alert: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "granted" | "dismissed";
                                /** @enum {string} */
                                side: "recorder" | "holder";
                                identifier: {
                                    entityId: string;
                                    kind: string;
                                    display: string;
                                    platform: string | null;
                                };
                                recordedIn: {
                                    id: string;
                                    title: string;
                                    firLabel: string | null;
                                } | null;
                                holderCase: {
                                    id: string;
                                    title: string;
                                    firLabel: string | null;
                                } | null;
                                recordedBy: {
                                    userId: string;
                                    displayName: string;
                                    district: string | null;
                                };
                                decidedBy: string | null;
                                decisionNote: string | null;
                                decidedAt: string | null;
                                createdAt: string;
                                canDecide: boolean;
                            } | null;
                            legalRequest: {
                                id: string;
                                caseId: string;
                                caseTitle: string;
                                /** @enum {string} */
                                kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                                /** @enum {string|null} */
                                interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                                recipient: string;
                                subject: string;
                                reference: string;
                                /** @enum {string} */
                                status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                                sentAt: string;
                                deadlineAt: string | null;
                                alertLeadHours: number;
                                alertSentAt: string | null;
                                lapsed: boolean;
                                hoursLeft: number | null;
                            } | null;
                            knownMatch: {
                                caseId: string | null;
                                caseTitle: string | null;
                                hashSetId: string;
                                hashSet: string;
                                files: number;
                            } | null;
                            safeguarding?: {
                                victimId: string;
                                pseudonym: string;
                                followupId: string | null;
                                dueAt: string | null;
                                resolvedAt: string | null;
                            } | null;
                        }[];
                        total: number;
                        unread: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postNotificationsByIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postNotificationsReadAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersonSuggestionsBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersonSuggestions: {
        parameters: {
            query?: {
                status?: "open" | "merged" | "rejected";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "open" | "merged" | "rejected";
                            /** @enum {string} */
                            source: "incremental" | "batch" | "import";
                            score: number;
                            reasons: {
                                /** @enum {string} */
                                field: "prior" | "name" | "father" | "cnic" | "passport" | "phone" | "handle" | "wallet" | "dateOfBirth" | "district";
                                detail: string;
                                weight: number;
                            }[];
                            a: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            b: {
                                /** Format: uuid */
                                id: string;
                                displayName: string;
                            };
                            /** Format: date-time */
                            scoredAt: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersonSuggestionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "open" | "merged" | "rejected";
                        /** @enum {string} */
                        source: "incremental" | "batch" | "import";
                        score: number;
                        threshold: number;
                        reasons: {
                            /** @enum {string} */
                            field: "prior" | "name" | "father" | "cnic" | "passport" | "phone" | "handle" | "wallet" | "dateOfBirth" | "district";
                            detail: string;
                            weight: number;
                        }[];
                        /** Format: date-time */
                        scoredAt: string;
                        /** Format: date-time */
                        decidedAt: string | null;
                        a: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            gender: string | null;
                            dateOfBirth: string | null;
                            estimatedAge: number | null;
                            cnic: string | null;
                            passport: string | null;
                            /** Format: uuid */
                            mergedInto: string | null;
                            names: {
                                name: string;
                                kind: string;
                                script: string;
                            }[];
                            identifiers: {
                                kind: string;
                                value: string;
                                platform: string | null;
                            }[];
                            cases: {
                                /** Format: uuid */
                                caseId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                        b: {
                            /** Format: uuid */
                            id: string;
                            displayName: string;
                            gender: string | null;
                            dateOfBirth: string | null;
                            estimatedAge: number | null;
                            cnic: string | null;
                            passport: string | null;
                            /** Format: uuid */
                            mergedInto: string | null;
                            names: {
                                name: string;
                                kind: string;
                                script: string;
                            }[];
                            identifiers: {
                                kind: string;
                                value: string;
                                platform: string | null;
                            }[];
                            cases: {
                                /** Format: uuid */
                                caseId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                        merge: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            keptId: string;
                            /** Format: uuid */
                            absorbedId: string;
                            /** Format: date-time */
                            mergedAt: string;
                            /** Format: date-time */
                            undoneAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersonSuggestionsByIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    keep: "a" | "b";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        mergeId: string;
                        /** Format: uuid */
                        keptId: string;
                        /** Format: uuid */
                        absorbedId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersonSuggestionsByIdReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersonSuggestionsByIdUndo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        mergeId: string;
                        /** Format: uuid */
                        keptId: string;
                        /** Format: uuid */
                        absorbedId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntities: {
        parameters: {
            query?: {
                q?: string;
                kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            node: string;
                            /** @enum {string} */
                            kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            key: string;
                            display: string;
                            platform: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postEntities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                    value: string;
                    platform?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        node: string;
                        /** @enum {string} */
                        kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        key: string;
                        display: string;
                        platform: string | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        createdAt: string;
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        cases: {
                            id: string;
                            title: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEntitiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        node: string;
                        /** @enum {string} */
                        kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        key: string;
                        display: string;
                        platform: string | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        createdAt: string;
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        cases: {
                            id: string;
                            title: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdEntities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            id: string;
                            node: string;
                            /** @enum {string} */
                            kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            key: string;
                            display: string;
                            platform: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                        }[];
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                    from: {
                        node?: string;
                        /** @enum {string} */
                        kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        value?: string;
                        platform?: string;
                    };
                    to: {
                        node?: string;
                        /** @enum {string} */
                        kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        value?: string;
                        platform?: string;
                    };
                    /** Format: uuid */
                    evidenceId?: string;
                    /** Format: date-time */
                    observedFrom?: string;
                    /** Format: date-time */
                    observedTo?: string;
                    confidence?: number;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            id: string;
                            node: string;
                            /** @enum {string} */
                            kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            key: string;
                            display: string;
                            platform: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                        }[];
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: {
                        node?: string;
                        /** @enum {string} */
                        kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        value?: string;
                        platform?: string;
                    };
                    to: {
                        node?: string;
                        /** @enum {string} */
                        kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                        value?: string;
                        platform?: string;
                    };
                    amount: number | string;
                    currency: string;
                    /** Format: date-time */
                    paidAt: string;
                    /** @default  */
                    reference?: string;
                    /** Format: uuid */
                    evidenceId?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            id: string;
                            node: string;
                            /** @enum {string} */
                            kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            key: string;
                            display: string;
                            platform: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                        }[];
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdCommunications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "live_stream" | "call" | "message";
                    platform?: string;
                    /** Format: date-time */
                    startedAt: string;
                    /** Format: date-time */
                    endedAt?: string;
                    /** @default  */
                    notes?: string;
                    /** Format: uuid */
                    evidenceId?: string;
                    participants: {
                        /** @enum {string} */
                        role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                        entity: {
                            node?: string;
                            /** @enum {string} */
                            kind?: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            value?: string;
                            platform?: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            id: string;
                            node: string;
                            /** @enum {string} */
                            kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                            key: string;
                            display: string;
                            platform: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                        }[];
                        links: {
                            id: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other";
                            from: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            to: {
                                node: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication";
                                id: string;
                                label: string;
                            };
                            caseId: string | null;
                            sourceType: string | null;
                            sourceId: string | null;
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            notes: string;
                            recordedBy: string | null;
                            recordedAt: string;
                        }[];
                        payments: {
                            id: string;
                            caseId: string;
                            from: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            to: {
                                id: string;
                                node: string;
                                /** @enum {string} */
                                kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                key: string;
                                display: string;
                                platform: string | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                            };
                            amount: string;
                            currency: string;
                            paidAt: string;
                            reference: string;
                            evidenceId: string | null;
                            recordedAt: string;
                        }[];
                        communications: {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "live_stream" | "call" | "message";
                            platform: string | null;
                            startedAt: string;
                            endedAt: string | null;
                            notes: string;
                            evidenceId: string | null;
                            participants: {
                                /** @enum {string} */
                                role: "host" | "viewer" | "payer" | "sender" | "recipient" | "participant";
                                entity: {
                                    id: string;
                                    node: string;
                                    /** @enum {string} */
                                    kind: "account" | "phone" | "email" | "bank_account" | "wallet" | "crypto_address" | "device" | "ip_address" | "organisation" | "place" | "other";
                                    key: string;
                                    display: string;
                                    platform: string | null;
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    createdAt: string;
                                };
                            }[];
                            recordedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphNeighbourhood: {
        parameters: {
            query: {
                node: string;
                hops?: number;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nodes: {
                            id: string;
                            /** @enum {string} */
                            type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                            label: string;
                            kind?: string;
                            attributes: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        edges: {
                            id: string;
                            source: string;
                            target: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known";
                            caseIds: string[];
                            justification: {
                                /** @enum {string} */
                                type: "link" | "payment" | "communication" | "case_person" | "case_victim" | "media_match";
                                id: string;
                                label: string;
                            };
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            attributes?: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        root: string;
                        depth: {
                            [key: string]: number;
                        };
                        truncated: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphPath: {
        parameters: {
            query: {
                from: string;
                to: string;
                maxHops?: number;
                limit?: number;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nodes: {
                            id: string;
                            /** @enum {string} */
                            type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                            label: string;
                            kind?: string;
                            attributes: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        edges: {
                            id: string;
                            source: string;
                            target: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known";
                            caseIds: string[];
                            justification: {
                                /** @enum {string} */
                                type: "link" | "payment" | "communication" | "case_person" | "case_victim" | "media_match";
                                id: string;
                                label: string;
                            };
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            attributes?: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        from: string;
                        to: string;
                        paths: {
                            nodes: string[];
                            edges: string[];
                        }[];
                        length: number | null;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphComponents: {
        parameters: {
            query?: {
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                minSize?: number;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            index: number;
                            size: number;
                            edgeCount: number;
                            types: {
                                [key: string]: number;
                            };
                            top: {
                                id: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                                label: string;
                                kind?: string;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphComponent: {
        parameters: {
            query: {
                node: string;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nodes: {
                            id: string;
                            /** @enum {string} */
                            type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                            label: string;
                            kind?: string;
                            attributes: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        edges: {
                            id: string;
                            source: string;
                            target: string;
                            /** @enum {string} */
                            kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known";
                            caseIds: string[];
                            justification: {
                                /** @enum {string} */
                                type: "link" | "payment" | "communication" | "case_person" | "case_victim" | "media_match";
                                id: string;
                                label: string;
                            };
                            observedFrom: string | null;
                            observedTo: string | null;
                            confidence: number;
                            attributes?: {
                                [key: string]: (string | null) | (number | null) | (boolean | null);
                            };
                        }[];
                        root: string;
                        size: number;
                        truncated: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphCommunities: {
        parameters: {
            query?: {
                node?: string;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                resolution?: number;
                minSize?: number;
                limit?: number;
                seed?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        modularity: number;
                        nodeCount: number;
                        items: {
                            community: number;
                            size: number;
                            types: {
                                [key: string]: number;
                            };
                            top: {
                                id: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                                label: string;
                                kind?: string;
                            }[];
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphCentral: {
        parameters: {
            query?: {
                measure?: "degree" | "betweenness" | "pagerank";
                node?: string;
                hops?: number;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                rankTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        measure: "degree" | "betweenness" | "pagerank";
                        nodeCount: number;
                        items: {
                            id: string;
                            /** @enum {string} */
                            type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                            label: string;
                            kind?: string;
                            score: number;
                            degree: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphLinkedCases: {
        parameters: {
            query: {
                case: string;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        case: {
                            id: string;
                            /** @enum {string} */
                            type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                            label: string;
                            kind?: string;
                        };
                        items: {
                            case: {
                                id: string;
                                /** @enum {string} */
                                type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                                label: string;
                                kind?: string;
                            };
                            via: {
                                node: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set";
                                    label: string;
                                    kind?: string;
                                } | null;
                                edges: {
                                    id: string;
                                    source: string;
                                    target: string;
                                    /** @enum {string} */
                                    kind: "uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known";
                                    caseIds: string[];
                                    justification: {
                                        /** @enum {string} */
                                        type: "link" | "payment" | "communication" | "case_person" | "case_victim" | "media_match";
                                        id: string;
                                        label: string;
                                    };
                                    observedFrom: string | null;
                                    observedTo: string | null;
                                    confidence: number;
                                    attributes?: {
                                        [key: string]: (string | null) | (number | null) | (boolean | null);
                                    };
                                }[];
                            }[];
                            strength: number;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getGraphExport: {
        parameters: {
            query: {
                node: string;
                format?: "graphml" | "gexf" | "json";
                hops?: number;
                component?: boolean;
                nodeTypes?: ("person" | "entity" | "case" | "victim" | "operation" | "evidence" | "media" | "communication" | "hash_set")[];
                edgeKinds?: ("uses" | "owns" | "holds" | "paid" | "family_of" | "associate_of" | "member_of" | "works_at" | "located_at" | "viewed" | "hosted" | "communicated" | "seized_in" | "found_on" | "appears_in" | "same_as" | "other" | "host" | "viewer" | "payer" | "sender" | "recipient" | "participant" | "in_case" | "victim_in" | "shares_media" | "matches_known")[];
                observedFrom?: string;
                observedTo?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdCorrections: {
        parameters: {
            query?: {
                kind?: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** @enum {string} */
                            recordKind: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                            recordId: string;
                            field: string;
                            before: unknown;
                            after: unknown;
                            masked?: boolean;
                            labels?: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            at: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersonsByIdCorrections: {
        parameters: {
            query?: {
                kind?: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** @enum {string} */
                            recordKind: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                            recordId: string;
                            field: string;
                            before: unknown;
                            after: unknown;
                            masked?: boolean;
                            labels?: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            at: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOffencesByCodeCorrections: {
        parameters: {
            query?: {
                kind?: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** @enum {string} */
                            recordKind: "case" | "person" | "operation" | "hearing" | "warrant" | "offence";
                            recordId: string;
                            field: string;
                            before: unknown;
                            after: unknown;
                            masked?: boolean;
                            labels?: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            at: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdWarrants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            personId: string;
                            personName: string;
                            /** @enum {string} */
                            kind: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                            /** @enum {string} */
                            status: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                            issuedOn: string | null;
                            country: string | null;
                            reference: string | null;
                            notes: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdPersonsByPersonIdWarrants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                    /**
                     * @default requested
                     * @enum {string}
                     */
                    status?: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                    /** Format: date */
                    issuedOn?: string;
                    country?: string;
                    reference?: string;
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            personId: string;
                            personName: string;
                            /** @enum {string} */
                            kind: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                            /** @enum {string} */
                            status: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                            issuedOn: string | null;
                            country: string | null;
                            reference: string | null;
                            notes: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchWarrantsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind?: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                    /** @enum {string} */
                    status?: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                    /** Format: date */
                    issuedOn?: string | null;
                    country?: string | null;
                    reference?: string | null;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            personId: string;
                            personName: string;
                            /** @enum {string} */
                            kind: "arrest_warrant" | "non_bailable_warrant" | "proclamation" | "foreign_arrest_warrant" | "interpol_red_notice" | "interpol_diffusion" | "foreign_request";
                            /** @enum {string} */
                            status: "requested" | "issued" | "executed" | "withdrawn" | "cancelled";
                            issuedOn: string | null;
                            country: string | null;
                            reference: string | null;
                            notes: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTakedowns: {
        parameters: {
            query?: {
                status?: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                provider?: string;
                due?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            caseTitle: string;
                            /** @enum {string} */
                            targetKind: "url" | "onion" | "account";
                            target: string;
                            entityId: string | null;
                            provider: string;
                            reference: string;
                            /** @enum {string} */
                            status: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                            renoticeHours: number;
                            firstRequestedAt: string;
                            requestedAt: string;
                            lastNoticeAt: string;
                            nextNoticeAt: string | null;
                            noticesSent: number;
                            removedAt: string | null;
                            hoursToRemoval: number | null;
                            due: boolean;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTakedownsReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            provider: string;
                            count: number;
                            removed: number;
                            refused: number;
                            open: number;
                            medianHours: number | null;
                            p90Hours: number | null;
                            noticesSent: number;
                        }[];
                        generatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTakedownsRenotice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sent: number;
                        takedownIds: string[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdTakedowns: {
        parameters: {
            query?: {
                status?: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            caseTitle: string;
                            /** @enum {string} */
                            targetKind: "url" | "onion" | "account";
                            target: string;
                            entityId: string | null;
                            provider: string;
                            reference: string;
                            /** @enum {string} */
                            status: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                            renoticeHours: number;
                            firstRequestedAt: string;
                            requestedAt: string;
                            lastNoticeAt: string;
                            nextNoticeAt: string | null;
                            noticesSent: number;
                            removedAt: string | null;
                            hoursToRemoval: number | null;
                            due: boolean;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdTakedowns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    targetKind: "url" | "onion" | "account";
                    target?: string;
                    platform?: string;
                    /** Format: uuid */
                    entityId?: string;
                    provider: string;
                    /** @default  */
                    providerContact?: string;
                    /** @default  */
                    reference?: string;
                    /** Format: date-time */
                    requestedAt: string;
                    /** @default 24 */
                    renoticeHours?: number;
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        targetKind: "url" | "onion" | "account";
                        target: string;
                        entityId: string | null;
                        provider: string;
                        reference: string;
                        /** @enum {string} */
                        status: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                        renoticeHours: number;
                        firstRequestedAt: string;
                        requestedAt: string;
                        lastNoticeAt: string;
                        nextNoticeAt: string | null;
                        noticesSent: number;
                        removedAt: string | null;
                        hoursToRemoval: number | null;
                        due: boolean;
                        providerContact: string;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        history: {
                            /** @enum {string|null} */
                            fromStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared" | null;
                            /** @enum {string} */
                            toStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                            at: string;
                            reference: string;
                            note: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        notices: {
                            number: number;
                            sentAt: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedStatuses: ("requested" | "acknowledged" | "removed" | "refused" | "reappeared")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTakedownsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        targetKind: "url" | "onion" | "account";
                        target: string;
                        entityId: string | null;
                        provider: string;
                        reference: string;
                        /** @enum {string} */
                        status: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                        renoticeHours: number;
                        firstRequestedAt: string;
                        requestedAt: string;
                        lastNoticeAt: string;
                        nextNoticeAt: string | null;
                        noticesSent: number;
                        removedAt: string | null;
                        hoursToRemoval: number | null;
                        due: boolean;
                        providerContact: string;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        history: {
                            /** @enum {string|null} */
                            fromStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared" | null;
                            /** @enum {string} */
                            toStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                            at: string;
                            reference: string;
                            note: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        notices: {
                            number: number;
                            sentAt: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedStatuses: ("requested" | "acknowledged" | "removed" | "refused" | "reappeared")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTakedownsByIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "acknowledged" | "removed" | "refused" | "reappeared";
                    /** Format: date-time */
                    at: string;
                    /** @default  */
                    reference?: string;
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        targetKind: "url" | "onion" | "account";
                        target: string;
                        entityId: string | null;
                        provider: string;
                        reference: string;
                        /** @enum {string} */
                        status: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                        renoticeHours: number;
                        firstRequestedAt: string;
                        requestedAt: string;
                        lastNoticeAt: string;
                        nextNoticeAt: string | null;
                        noticesSent: number;
                        removedAt: string | null;
                        hoursToRemoval: number | null;
                        due: boolean;
                        providerContact: string;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        history: {
                            /** @enum {string|null} */
                            fromStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared" | null;
                            /** @enum {string} */
                            toStatus: "requested" | "acknowledged" | "removed" | "refused" | "reappeared";
                            at: string;
                            reference: string;
                            note: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        notices: {
                            number: number;
                            sentAt: string;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedStatuses: ("requested" | "acknowledged" | "removed" | "refused" | "reappeared")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getLegalRequests: {
        parameters: {
            query?: {
                kind?: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                status?: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                lapsed?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            caseTitle: string;
                            /** @enum {string} */
                            kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                            /** @enum {string|null} */
                            interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                            recipient: string;
                            subject: string;
                            reference: string;
                            /** @enum {string} */
                            status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                            sentAt: string;
                            deadlineAt: string | null;
                            alertLeadHours: number;
                            alertSentAt: string | null;
                            lapsed: boolean;
                            hoursLeft: number | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getLegalRequestsFigures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        open: number;
                        lapsed: number;
                        dueSoon: number;
                        byKind: {
                            /** @enum {string} */
                            kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                            total: number;
                            open: number;
                            lapsed: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdLegalRequests: {
        parameters: {
            query?: {
                kind?: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                status?: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            caseId: string;
                            caseTitle: string;
                            /** @enum {string} */
                            kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                            /** @enum {string|null} */
                            interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                            recipient: string;
                            subject: string;
                            reference: string;
                            /** @enum {string} */
                            status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                            sentAt: string;
                            deadlineAt: string | null;
                            alertLeadHours: number;
                            alertSentAt: string | null;
                            lapsed: boolean;
                            hoursLeft: number | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdLegalRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                    /** @enum {string} */
                    interpolColour?: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion";
                    recipient: string;
                    subject: string;
                    /** Format: uuid */
                    personId?: string;
                    /** Format: uuid */
                    entityId?: string;
                    /** @default  */
                    reference?: string;
                    legalBasis?: string;
                    /** Format: date-time */
                    sentAt: string;
                    /** Format: date-time */
                    deadlineAt?: string;
                    alertLeadHours?: number;
                    /** @default  */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                        /** @enum {string|null} */
                        interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                        recipient: string;
                        subject: string;
                        reference: string;
                        /** @enum {string} */
                        status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                        sentAt: string;
                        deadlineAt: string | null;
                        alertLeadHours: number;
                        alertSentAt: string | null;
                        lapsed: boolean;
                        hoursLeft: number | null;
                        person: {
                            id: string;
                            displayName: string;
                        } | null;
                        entity: {
                            id: string;
                            kind: string;
                            display: string;
                        } | null;
                        legalBasis: string;
                        answer: string;
                        answeredAt: string | null;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        followups: {
                            /** @enum {string} */
                            kind: "follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                            at: string;
                            note: string;
                            previousDeadlineAt: string | null;
                            newDeadlineAt: string | null;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedFollowups: ("follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getLegalRequestsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                        /** @enum {string|null} */
                        interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                        recipient: string;
                        subject: string;
                        reference: string;
                        /** @enum {string} */
                        status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                        sentAt: string;
                        deadlineAt: string | null;
                        alertLeadHours: number;
                        alertSentAt: string | null;
                        lapsed: boolean;
                        hoursLeft: number | null;
                        person: {
                            id: string;
                            displayName: string;
                        } | null;
                        entity: {
                            id: string;
                            kind: string;
                            display: string;
                        } | null;
                        legalBasis: string;
                        answer: string;
                        answeredAt: string | null;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        followups: {
                            /** @enum {string} */
                            kind: "follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                            at: string;
                            note: string;
                            previousDeadlineAt: string | null;
                            newDeadlineAt: string | null;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedFollowups: ("follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postLegalRequestsByIdFollowups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                    /** Format: date-time */
                    at: string;
                    /** @default  */
                    note?: string;
                    /** Format: date-time */
                    newDeadlineAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseId: string;
                        caseTitle: string;
                        /** @enum {string} */
                        kind: "preservation" | "emergency_disclosure" | "production_order" | "mutual_legal_assistance" | "interpol_notice";
                        /** @enum {string|null} */
                        interpolColour: "red" | "blue" | "green" | "yellow" | "black" | "orange" | "purple" | "diffusion" | null;
                        recipient: string;
                        subject: string;
                        reference: string;
                        /** @enum {string} */
                        status: "sent" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                        sentAt: string;
                        deadlineAt: string | null;
                        alertLeadHours: number;
                        alertSentAt: string | null;
                        lapsed: boolean;
                        hoursLeft: number | null;
                        person: {
                            id: string;
                            displayName: string;
                        } | null;
                        entity: {
                            id: string;
                            kind: string;
                            display: string;
                        } | null;
                        legalBasis: string;
                        answer: string;
                        answeredAt: string | null;
                        notes: string;
                        createdBy: {
                            id: string;
                            displayName: string;
                        } | null;
                        createdAt: string;
                        followups: {
                            /** @enum {string} */
                            kind: "follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn";
                            at: string;
                            note: string;
                            previousDeadlineAt: string | null;
                            newDeadlineAt: string | null;
                            actor: {
                                id: string;
                                displayName: string;
                            } | null;
                        }[];
                        allowedFollowups: ("follow_up" | "extension" | "acknowledged" | "fulfilled" | "refused" | "withdrawn")[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCasesByIdDocuments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                            ownerId: string;
                            title: string;
                            /** @enum {string} */
                            type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                            documentDate: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            versions: {
                                version: number;
                                fileName: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postCasesByIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPersonsByIdDocuments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                            ownerId: string;
                            title: string;
                            /** @enum {string} */
                            type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                            documentDate: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            versions: {
                                version: number;
                                fileName: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postPersonsByIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOperationsByIdDocuments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                            ownerId: string;
                            title: string;
                            /** @enum {string} */
                            type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                            documentDate: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            versions: {
                                version: number;
                                fileName: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postOperationsByIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getHearingsByIdDocuments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                            ownerId: string;
                            title: string;
                            /** @enum {string} */
                            type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                            documentDate: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            versions: {
                                version: number;
                                fileName: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postHearingsByIdDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVictimsByIdCareDocuments: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                            ownerId: string;
                            title: string;
                            /** @enum {string} */
                            type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                            documentDate: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            versions: {
                                version: number;
                                fileName: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postVictimsByIdCareDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDocumentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postDocumentsByIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        ownerKind: "case" | "person" | "operation" | "hearing" | "victim_care";
                        ownerId: string;
                        title: string;
                        /** @enum {string} */
                        type: "fir_copy" | "statement" | "medical_report" | "court_order" | "warrant" | "correspondence" | "other";
                        documentDate: string | null;
                        createdAt: string;
                        createdBy: string | null;
                        versions: {
                            version: number;
                            fileName: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDocumentsByIdDownload: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDistricts: {
        parameters: {
            query?: {
                province?: string;
                /** @description part of the district name */
                q?: string;
                /** @description only districts no branch covers */
                uncovered?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                            division: string | null;
                            areaSqKm: number | null;
                            branch: {
                                id: number;
                                name: string;
                            } | null;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminOffices: {
        parameters: {
            query?: {
                province?: string;
                /** @description part of the branch name or code */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            seatDistrict: {
                                id: number;
                                code: string;
                                name: string;
                                province: string;
                                population2023: number | null;
                            };
                            districts: {
                                id: number;
                                code: string;
                                name: string;
                                province: string;
                                population2023: number | null;
                            }[];
                            posts: {
                                /** @enum {string} */
                                post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                                sanctioned: number;
                                filled: number;
                            }[];
                            totals: {
                                sanctioned: number;
                                filled: number;
                                population: number;
                                districts: number;
                                userAccounts: number;
                            };
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminOffices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    code?: string;
                    seatDistrictId: number;
                    /** @default [] */
                    districtIds?: number[];
                    /** @default [] */
                    posts?: {
                        /** @enum {string} */
                        post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                        sanctioned: number;
                        filled: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        province: string;
                        seatDistrict: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        };
                        districts: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        }[];
                        posts: {
                            /** @enum {string} */
                            post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                            sanctioned: number;
                            filled: number;
                        }[];
                        totals: {
                            sanctioned: number;
                            filled: number;
                            population: number;
                            districts: number;
                            userAccounts: number;
                        };
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminOfficesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        province: string;
                        seatDistrict: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        };
                        districts: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        }[];
                        posts: {
                            /** @enum {string} */
                            post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                            sanctioned: number;
                            filled: number;
                        }[];
                        totals: {
                            sanctioned: number;
                            filled: number;
                            population: number;
                            districts: number;
                            userAccounts: number;
                        };
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchAdminOfficesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    districtIds?: number[];
                    posts?: {
                        /** @enum {string} */
                        post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                        sanctioned: number;
                        filled: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        province: string;
                        seatDistrict: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        };
                        districts: {
                            id: number;
                            code: string;
                            name: string;
                            province: string;
                            population2023: number | null;
                        }[];
                        posts: {
                            /** @enum {string} */
                            post: "supervisor" | "investigator" | "analyst" | "forensic" | "prosecution_liaison" | "support";
                            sanctioned: number;
                            filled: number;
                        }[];
                        totals: {
                            sanctioned: number;
                            filled: number;
                            population: number;
                            districts: number;
                            userAccounts: number;
                        };
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminOfficesByIdCorrections: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            field: string;
                            before: unknown;
                            after: unknown;
                            actor: string | null;
                            at: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFigures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            version: number;
                            title: string;
                            description: string;
                            unit: string;
                            /** @enum {string} */
                            kind: "flow" | "stock";
                            measures: string[];
                            count: string;
                            parts: string[] | null;
                            limit: {
                                days: number;
                                rule: string;
                                legalBasis: string;
                                source: string;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFiguresById: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                province?: string;
                districtId?: number;
                branchId?: number;
                category?: string;
                offences?: "child_exploitation" | "all";
                groupBy?: "none" | "province" | "district" | "branch" | "category" | "month" | "year";
                published?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figure: {
                            id: string;
                            version: number;
                            title: string;
                            description: string;
                            unit: string;
                            /** @enum {string} */
                            kind: "flow" | "stock";
                            measures: string[];
                            count: string;
                            parts: string[] | null;
                            limit: {
                                days: number;
                                rule: string;
                                legalBasis: string;
                                source: string;
                            } | null;
                        };
                        scope: {
                            from: string | null;
                            to: string | null;
                            timeZone: string;
                            province: string | null;
                            districtId: number | null;
                            branchId: number | null;
                            category: string | null;
                            offences: string;
                            groupBy: string;
                            restrictedToBranch: boolean;
                            casesOnly?: boolean;
                        };
                        catalogueVersion: string;
                        published: boolean;
                        drillDown?: boolean;
                        rows: {
                            group: string | null;
                            part: string | null;
                            values: {
                                [key: string]: number | null;
                            };
                            display?: {
                                [key: string]: string;
                            };
                        }[];
                        generatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postReportsBriefing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    from: string;
                    /** Format: date */
                    to: string;
                    province?: string;
                    /** @enum {string} */
                    lang?: "en" | "ur";
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReportsBriefingPreview: {
        parameters: {
            query: {
                from: string;
                to: string;
                province?: string;
                lang?: "en" | "ur";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTips: {
        parameters: {
            query?: {
                status?: "new" | "converted" | "attached" | "closed";
                branch?: number | "unrouted";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            receipt: string;
                            /** @enum {string} */
                            channel: "api" | "import" | "public";
                            /** @enum {string} */
                            format: "amaan" | "cybertipline" | "public";
                            organisation: string | null;
                            incidentType: string;
                            incidentAt: string | null;
                            escalate: boolean;
                            priority: number;
                            reasons: {
                                rule: string;
                                weight: number;
                                detail: string;
                            }[];
                            branchId: number | null;
                            branch: string | null;
                            /** @enum {string} */
                            status: "new" | "converted" | "attached" | "closed";
                            caseId: string | null;
                            receivedAt: string;
                            ageHours: number;
                            related: number;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTips: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reportId?: string;
                    incident: {
                        type: string;
                        /** Format: date-time */
                        at?: string;
                        summary?: string;
                        escalate?: boolean;
                        annotations?: ("child_in_danger" | "live_streaming" | "sextortion" | "self_produced" | "minor_to_minor" | "physical_harm" | "generative_ai")[];
                    };
                    location?: {
                        district?: string;
                        city?: string;
                        province?: string;
                        country?: string;
                        latitude?: number;
                        longitude?: number;
                        phone?: string;
                    };
                    reported?: {
                        name?: string;
                        accounts?: {
                            platform: string;
                            handle?: string;
                            url?: string;
                        }[];
                        phones?: string[];
                        emails?: string[];
                        ips?: {
                            address: string;
                            event?: string;
                            /** Format: date-time */
                            at?: string;
                            port?: number;
                        }[];
                        devices?: string[];
                        wallets?: {
                            provider: string;
                            number: string;
                        }[];
                        cryptoAddresses?: string[];
                        ageEstimate?: number;
                    }[];
                    recipient?: {
                        name?: string;
                        accounts?: {
                            platform: string;
                            handle?: string;
                            url?: string;
                        }[];
                        phones?: string[];
                        emails?: string[];
                        ips?: {
                            address: string;
                            event?: string;
                            /** Format: date-time */
                            at?: string;
                            port?: number;
                        }[];
                        devices?: string[];
                        wallets?: {
                            provider: string;
                            number: string;
                        }[];
                        cryptoAddresses?: string[];
                        ageEstimate?: number;
                    };
                    victim?: {
                        name?: string;
                        accounts?: {
                            platform: string;
                            handle?: string;
                            url?: string;
                        }[];
                        phones?: string[];
                        emails?: string[];
                        ips?: {
                            address: string;
                            event?: string;
                            /** Format: date-time */
                            at?: string;
                            port?: number;
                        }[];
                        devices?: string[];
                        wallets?: {
                            provider: string;
                            number: string;
                        }[];
                        cryptoAddresses?: string[];
                        ageEstimate?: number;
                    };
                    urls?: string[];
                    files?: {
                        name?: string;
                        md5?: string;
                        sha1?: string;
                        sha256?: string;
                        pdq?: string;
                        viewedByEsp?: boolean;
                        publiclyAvailable?: boolean;
                        /** @enum {string} */
                        classification?: "A1" | "A2" | "B1" | "B2";
                        annotations?: ("child_in_danger" | "live_streaming" | "sextortion" | "self_produced" | "minor_to_minor" | "physical_harm" | "generative_ai")[];
                    }[];
                    extra?: {
                        [key: string]: unknown;
                    };
                } | ({
                    reportId?: string | number;
                    incidentSummary: {
                        incidentType: string;
                        escalateToHighPriority?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                        /** Format: date-time */
                        incidentDateTime?: string;
                        incidentDateTimeDescription?: string;
                        annotations?: string[] | {
                            [key: string]: boolean | string;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                    internetDetails?: ({
                        webPageIncident?: {
                            url?: string[];
                        } & {
                            [key: string]: unknown;
                        };
                        url?: string[];
                    } & {
                        [key: string]: unknown;
                    })[];
                    reporter?: {
                        [key: string]: unknown;
                    };
                    personOrUserReported?: ({
                        personOrUserReportedPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        victimPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        intendedRecipientPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        espIdentifier?: string;
                        espService?: string;
                        screenName?: string;
                        displayName?: string[];
                        profileUrl?: string[];
                        ipCaptureEvent?: ({
                            ipAddress: string;
                            eventName?: string;
                            /** Format: date-time */
                            dateTime?: string;
                            possibleProxy?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                            port?: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        deviceId?: (string | ({
                            idType?: string;
                            idValue: string;
                        } & {
                            [key: string]: unknown;
                        }))[];
                        estimatedLocation?: {
                            city?: string;
                            region?: string;
                            countryCode?: string;
                            country?: string;
                            latitude?: number;
                            longitude?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        priorCTReports?: (string | number)[];
                        groupIdentifier?: string[];
                    } & {
                        [key: string]: unknown;
                    })[];
                    intendedRecipient?: ({
                        personOrUserReportedPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        victimPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        intendedRecipientPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        espIdentifier?: string;
                        espService?: string;
                        screenName?: string;
                        displayName?: string[];
                        profileUrl?: string[];
                        ipCaptureEvent?: ({
                            ipAddress: string;
                            eventName?: string;
                            /** Format: date-time */
                            dateTime?: string;
                            possibleProxy?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                            port?: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        deviceId?: (string | ({
                            idType?: string;
                            idValue: string;
                        } & {
                            [key: string]: unknown;
                        }))[];
                        estimatedLocation?: {
                            city?: string;
                            region?: string;
                            countryCode?: string;
                            country?: string;
                            latitude?: number;
                            longitude?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        priorCTReports?: (string | number)[];
                        groupIdentifier?: string[];
                    } & {
                        [key: string]: unknown;
                    })[];
                    victim?: ({
                        personOrUserReportedPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        victimPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        intendedRecipientPerson?: {
                            firstName?: string;
                            lastName?: string;
                            phone?: (string | ({
                                number?: string;
                                phoneNumber?: string;
                                type?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            email?: (string | ({
                                email?: string;
                                value?: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            age?: number | string;
                        } & {
                            [key: string]: unknown;
                        };
                        espIdentifier?: string;
                        espService?: string;
                        screenName?: string;
                        displayName?: string[];
                        profileUrl?: string[];
                        ipCaptureEvent?: ({
                            ipAddress: string;
                            eventName?: string;
                            /** Format: date-time */
                            dateTime?: string;
                            possibleProxy?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                            port?: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        deviceId?: (string | ({
                            idType?: string;
                            idValue: string;
                        } & {
                            [key: string]: unknown;
                        }))[];
                        estimatedLocation?: {
                            city?: string;
                            region?: string;
                            countryCode?: string;
                            country?: string;
                            latitude?: number;
                            longitude?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        priorCTReports?: (string | number)[];
                        groupIdentifier?: string[];
                    } & {
                        [key: string]: unknown;
                    })[];
                    additionalInfo?: string;
                    files?: ({
                        fileName?: string;
                        fileViewedByEsp?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                        exifViewedByEsp?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                        publiclyAvailable?: boolean | ("true" | "false" | "Y" | "N" | "yes" | "no");
                        fileRelevance?: string;
                        fileAnnotations?: string[] | {
                            [key: string]: boolean | string;
                        };
                        /** @enum {string} */
                        industryClassification?: "A1" | "A2" | "B1" | "B2";
                        originalFileHash?: ({
                            hashType: string;
                            value: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        pdq?: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                } & {
                    [key: string]: unknown;
                });
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receipt: string;
                        created: boolean;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receipt: string;
                        created: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTipReceiptsByReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                receipt: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receipt: string;
                        receivedAt: string;
                        /** @enum {string} */
                        status: "received" | "in_review" | "acted_on" | "closed";
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipsPublic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    incident: "abuse_material" | "grooming" | "sextortion" | "live_streaming" | "trafficking" | "other";
                    where?: string;
                    district?: string;
                    urls?: string[];
                    whatTheySaw: string;
                    childInDanger?: boolean;
                    /** @enum {string} */
                    language?: "en" | "ur";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receipt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTipsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        receipt: string;
                        /** @enum {string} */
                        channel: "api" | "import" | "public";
                        /** @enum {string} */
                        format: "amaan" | "cybertipline" | "public";
                        organisation: string | null;
                        incidentType: string;
                        incidentAt: string | null;
                        escalate: boolean;
                        priority: number;
                        reasons: {
                            rule: string;
                            weight: number;
                            detail: string;
                        }[];
                        branchId: number | null;
                        branch: string | null;
                        /** @enum {string} */
                        status: "new" | "converted" | "attached" | "closed";
                        caseId: string | null;
                        receivedAt: string;
                        ageHours: number;
                        related: number;
                        summary: string;
                        annotations: string[];
                        location: {
                            [key: string]: unknown;
                        };
                        routing: {
                            method?: string;
                            detail?: string;
                            /** @description What routed the tip and what was weighed beside it, as values; `detail` says the same in English */
                            facts?: {
                                district?: string;
                                named?: string;
                                coordinates?: {
                                    latitude: number;
                                    longitude: number;
                                    estimated: boolean;
                                    district: string | null;
                                    outline?: string;
                                    /** @enum {string|null} */
                                    unused: "whole_degrees" | "outside" | null;
                                    covers: string[];
                                    agrees: boolean | null;
                                    consistent?: boolean;
                                    noBranch?: boolean;
                                    near?: {
                                        edgeKm: number;
                                        marginKm: number;
                                        nearby: {
                                            name: string;
                                            km: number;
                                        }[];
                                    };
                                    alone?: boolean;
                                };
                                place?: {
                                    name: string;
                                    agrees: boolean | null;
                                };
                                landline?: {
                                    phone: string;
                                    areaCode: string;
                                    district: string;
                                    confirmed: boolean;
                                    source: string;
                                    agrees?: boolean;
                                };
                            };
                        };
                        identifiers: {
                            entityId: string;
                            kind: string;
                            display: string;
                            platform: string | null;
                            role: string;
                            cases: number;
                        }[];
                        urls: string[];
                        files: {
                            id: number;
                            name: string;
                            md5: string | null;
                            sha1: string | null;
                            sha256: string | null;
                            pdq: string | null;
                            viewedByEsp: boolean | null;
                            publiclyAvailable: boolean | null;
                            classification: string | null;
                            annotations: string[];
                            matches: {
                                /** @enum {string} */
                                kind: "hash_set" | "case_media";
                                label: string;
                                caseId: string | null;
                                by: string;
                                /** @description PDQ Hamming distance (0-256) of a perceptual match */
                                distance?: number;
                            }[];
                        }[];
                        relatedTips: {
                            id: string;
                            receipt: string;
                            reasons: {
                                reason: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            status: "new" | "converted" | "attached" | "closed";
                        }[];
                        raw: unknown;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipsByIdRoute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    branchId: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        receipt: string;
                        /** @enum {string} */
                        channel: "api" | "import" | "public";
                        /** @enum {string} */
                        format: "amaan" | "cybertipline" | "public";
                        organisation: string | null;
                        incidentType: string;
                        incidentAt: string | null;
                        escalate: boolean;
                        priority: number;
                        reasons: {
                            rule: string;
                            weight: number;
                            detail: string;
                        }[];
                        branchId: number | null;
                        branch: string | null;
                        /** @enum {string} */
                        status: "new" | "converted" | "attached" | "closed";
                        caseId: string | null;
                        receivedAt: string;
                        ageHours: number;
                        related: number;
                        summary: string;
                        annotations: string[];
                        location: {
                            [key: string]: unknown;
                        };
                        routing: {
                            method?: string;
                            detail?: string;
                            /** @description What routed the tip and what was weighed beside it, as values; `detail` says the same in English */
                            facts?: {
                                district?: string;
                                named?: string;
                                coordinates?: {
                                    latitude: number;
                                    longitude: number;
                                    estimated: boolean;
                                    district: string | null;
                                    outline?: string;
                                    /** @enum {string|null} */
                                    unused: "whole_degrees" | "outside" | null;
                                    covers: string[];
                                    agrees: boolean | null;
                                    consistent?: boolean;
                                    noBranch?: boolean;
                                    near?: {
                                        edgeKm: number;
                                        marginKm: number;
                                        nearby: {
                                            name: string;
                                            km: number;
                                        }[];
                                    };
                                    alone?: boolean;
                                };
                                place?: {
                                    name: string;
                                    agrees: boolean | null;
                                };
                                landline?: {
                                    phone: string;
                                    areaCode: string;
                                    district: string;
                                    confirmed: boolean;
                                    source: string;
                                    agrees?: boolean;
                                };
                            };
                        };
                        identifiers: {
                            entityId: string;
                            kind: string;
                            display: string;
                            platform: string | null;
                            role: string;
                            cases: number;
                        }[];
                        urls: string[];
                        files: {
                            id: number;
                            name: string;
                            md5: string | null;
                            sha1: string | null;
                            sha256: string | null;
                            pdq: string | null;
                            viewedByEsp: boolean | null;
                            publiclyAvailable: boolean | null;
                            classification: string | null;
                            annotations: string[];
                            matches: {
                                /** @enum {string} */
                                kind: "hash_set" | "case_media";
                                label: string;
                                caseId: string | null;
                                by: string;
                                /** @description PDQ Hamming distance (0-256) of a perceptual match */
                                distance?: number;
                            }[];
                        }[];
                        relatedTips: {
                            id: string;
                            receipt: string;
                            reasons: {
                                reason: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            status: "new" | "converted" | "attached" | "closed";
                        }[];
                        raw: unknown;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipsByIdConvert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    offenceCodes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string | null;
                        /** @enum {string} */
                        status: "new" | "converted" | "attached" | "closed";
                        entities: number;
                        files: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipsByIdAttach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    caseId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string | null;
                        /** @enum {string} */
                        status: "new" | "converted" | "attached" | "closed";
                        entities: number;
                        files: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipsByIdClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string | null;
                        /** @enum {string} */
                        status: "new" | "converted" | "attached" | "closed";
                        entities: number;
                        files: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTipRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            code: "child_in_danger" | "live_streaming" | "known_material" | "sextortion_self_produced" | "known_in_case" | "case_media_match" | "related_reports";
                            weight: number;
                            enabled: boolean;
                            updatedAt: string;
                            updatedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postTipRulesRescore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backgroundJobId: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patchTipRulesByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: "child_in_danger" | "live_streaming" | "known_material" | "sextortion_self_produced" | "known_in_case" | "case_media_match" | "related_reports";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    weight?: number;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            code: "child_in_danger" | "live_streaming" | "known_material" | "sextortion_self_produced" | "known_in_case" | "case_media_match" | "related_reports";
                            weight: number;
                            enabled: boolean;
                            updatedAt: string;
                            updatedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminTipOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            createdAt: string;
                            tips: number;
                            activeKeys: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminTipOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        created: boolean;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAdminTipKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            organisationId: string;
                            organisation: string;
                            label: string;
                            prefix: string;
                            createdAt: string;
                            expiresAt: string;
                            revokedAt: string | null;
                            lastUsedAt: string | null;
                            tips: number;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postAdminTipOrganisationsByIdKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: string;
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        organisationId: string;
                        organisation: string;
                        label: string;
                        prefix: string;
                        createdAt: string;
                        expiresAt: string;
                        revokedAt: string | null;
                        lastUsedAt: string | null;
                        tips: number;
                        active: boolean;
                        token: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteAdminTipKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDashboardFiguresById: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                province?: string;
                districtId?: number;
                branchId?: number;
                category?: string;
                offences?: "child_exploitation" | "all";
                groupBy?: "none" | "province" | "district" | "branch" | "category" | "month" | "year";
                published?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figure: {
                            id: string;
                            version: number;
                            title: string;
                            description: string;
                            unit: string;
                            /** @enum {string} */
                            kind: "flow" | "stock";
                            measures: string[];
                            count: string;
                            parts: string[] | null;
                            limit: {
                                days: number;
                                rule: string;
                                legalBasis: string;
                                source: string;
                            } | null;
                        };
                        scope: {
                            from: string | null;
                            to: string | null;
                            timeZone: string;
                            province: string | null;
                            districtId: number | null;
                            branchId: number | null;
                            category: string | null;
                            offences: string;
                            groupBy: string;
                            restrictedToBranch: boolean;
                            casesOnly?: boolean;
                        };
                        catalogueVersion: string;
                        published: boolean;
                        drillDown?: boolean;
                        rows: {
                            group: string | null;
                            part: string | null;
                            values: {
                                [key: string]: number | null;
                            };
                            display?: {
                                [key: string]: string;
                            };
                        }[];
                        generatedAt: string;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDashboardFiguresByIdMap: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                province?: string;
                districtId?: number;
                branchId?: number;
                category?: string;
                offences?: "child_exploitation" | "all";
                published?: "true" | "false";
                part?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figure: {
                            id: string;
                            version: number;
                            title: string;
                            description: string;
                            unit: string;
                            /** @enum {string} */
                            kind: "flow" | "stock";
                            measures: string[];
                            count: string;
                            parts: string[] | null;
                            limit: {
                                days: number;
                                rule: string;
                                legalBasis: string;
                                source: string;
                            } | null;
                        };
                        published: boolean;
                        drillDown: boolean;
                        part: string | null;
                        outline: {
                            package: string;
                            version: string;
                            licence: string;
                            viewBox: string;
                        };
                        districts: {
                            districtId: number;
                            name: string;
                            province: string;
                            shape: string | null;
                            value: number | null;
                            display: string;
                        }[];
                        missing: {
                            districtId: number;
                            name: string;
                            province: string;
                            within: string | null;
                        }[];
                        shapesWithoutDistrict: {
                            id: string;
                            name: string;
                        }[];
                        max: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDashboardFiguresByIdRecords: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                province?: string;
                districtId?: number;
                branchId?: number;
                category?: string;
                offences?: "child_exploitation" | "all";
                groupBy?: "none" | "province" | "district" | "branch" | "category" | "month" | "year";
                published?: "true" | "false";
                group?: string;
                part?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figure: {
                            id: string;
                            version: number;
                            unit: string;
                        };
                        cell: {
                            group: string | null;
                            part: string | null;
                        };
                        /** @enum {string} */
                        itemKind?: "case" | "arrest" | "person" | "child" | "sentence" | "operation" | "investigator";
                        limitDays?: number | null;
                        total: number;
                        items: {
                            caseId: string;
                            firLabel: string | null;
                            title: string;
                            status: string;
                            district: string;
                            province: string;
                            branch: string;
                            at: string | null;
                            interval?: {
                                from: string;
                                to: string;
                                days: number;
                            };
                            sentenceMonths?: number;
                            operation?: {
                                id: string;
                                name: string;
                                arrests: number;
                                childrenRescued: number;
                            };
                            child?: {
                                id: string;
                                pseudonym: string;
                                gender: string | null;
                                ageAtIdentification: number | null;
                                state: string;
                                placement: {
                                    kind: string;
                                    startedAt: string;
                                };
                            };
                            investigator?: {
                                id: string;
                                name: string;
                                openCases: number;
                            };
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not found: the record does not exist or is not one you may see (the two look the same) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPlanningScenarios: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                allOffences?: "true" | "false";
                throughput?: number;
                workingCaseload?: number;
                targetUtilisation?: number;
                targetWaitDays?: number;
                backlogClearMonths?: number;
                minInvestigatorsPerOffice?: number;
                investigatorCostPerYear?: number;
                staffFactor?: number;
                growth?: number;
                horizonYears?: number;
                latentShare?: number;
                everyDistrict?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        window: {
                            from: string;
                            to: string;
                            months: number;
                        };
                        timeZone: string;
                        challanLimitDays: number;
                        /** @enum {boolean} */
                        published: true;
                        legend: string;
                        assumptions: {
                            name: string;
                            value: string;
                            basis: string;
                            note: string;
                        }[];
                        assumptionsText: string;
                        workingCaseload: number;
                        scenarios: {
                            id: string;
                            title: string;
                            change: string;
                            offices: number;
                            intakePerMonth: number;
                            investigators: number;
                            deskPlaces: number;
                            capacityPerMonth: number;
                            utilisation: number | null;
                            overloadedOffices: number;
                            waitDays: number;
                            caseloadPerInvestigator: number | null;
                            daysToChallan: number;
                            monthsToClearBacklog: number | null;
                            investigatorsNeeded: number;
                            costInvestigatorYears: number;
                            costPkr: number | null;
                            costNeededPkr: number | null;
                            units: {
                                key: string;
                                name: string;
                                hidden: boolean;
                                quiet: boolean;
                                arrivalsPerMonth: number | null;
                                investigators: number;
                                deskPlaces: number;
                                utilisation: number | null;
                                overloaded: boolean | null;
                                probabilityOfWaiting: number | null;
                                waitDays: number | null;
                                caseloadPerInvestigator: number | null;
                                daysToChallan: number | null;
                                monthsToClearBacklog: number | null;
                                investigatorsNeeded: number;
                            }[];
                        }[];
                        comparison: {
                            name: string;
                            title: string;
                            columns: string[];
                            rows: ((string | null) | (number | null))[][];
                        };
                        staffNeeded: {
                            name: string;
                            title: string;
                            columns: string[];
                            rows: ((string | null) | (number | null))[][];
                        };
                    };
                };
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPlanningScenariosFile: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                allOffences?: "true" | "false";
                throughput?: number;
                workingCaseload?: number;
                targetUtilisation?: number;
                targetWaitDays?: number;
                backlogClearMonths?: number;
                minInvestigatorsPerOffice?: number;
                investigatorCostPerYear?: number;
                staffFactor?: number;
                growth?: number;
                horizonYears?: number;
                latentShare?: number;
                everyDistrict?: "true" | "false";
                format: "csv" | "xlsx" | "pdf";
                table?: "scenarios" | "staff_needed" | "offices" | "districts_without_office" | "stages" | "offices_by_scenario" | "assumptions";
                lang?: "en" | "ur";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: malformed target or body, or a field refused (named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Sign-in required: no session or token, or an expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}

import nunjucks from 'nunjucks';
import { PersonExtractResponse } from './dto/person-extract.response';

/**
 * The register extract as a readable document (HTML, one self-contained page to print or send to
 * the person): the same content as the JSON answer, in sections, each with what GDPR art. 15(1)
 * asks to be told of it. Every value is escaped by the template engine.
 */
const TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Register extract (GDPR art. 15)</title>
<style>
body { font-family: Arial, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<main>
<h1>Register extract</h1>
<p>Everything the municipality's service center holds about you, made {{ at(extract.generatedAt) }} (UTC), looked up by your {{ lookup }}.</p>

<h2>Your details</h2>
{% if extract.citizenRecords.length %}
<table><caption>The details you gave, one row each time</caption>
<thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Phone</th><th scope="col">Personal identity number</th><th scope="col">Gender</th></tr></thead>
<tbody>{% for c in extract.citizenRecords %}<tr><td>{{ c.name or "–" }}</td><td>{{ c.email or "–" }}</td><td>{{ c.phone or "–" }}</td><td>{{ "held, encrypted" if c.personalNumberHeld else "not held" }}</td><td>{{ c.gender or "–" }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p>None.</p>{% endif %}

<h2>Your contacts with the service center</h2>
{% if extract.contacts.length %}
<table><caption>Calls, visits and messages</caption>
<thead><tr><th scope="col">When</th><th scope="col">Channel</th><th scope="col">What it was about</th><th scope="col">Outcome</th></tr></thead>
<tbody>{% for c in extract.contacts %}<tr><td>{{ at(c.startedAt) }}</td><td>{{ c.channel }}</td><td>{{ c.summary or "–" }}</td><td>{{ c.outcome }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p>None.</p>{% endif %}

<h2>Your cases</h2>
{% for c in extract.cases %}
<section>
<h3>Case {{ c.reference }}</h3>
<dl>
<dt>Received</dt><dd>{{ at(c.receivedAt) }}</dd>
<dt>Status</dt><dd>{{ c.status }}</dd>
<dt>Type and department</dt><dd>{{ c.catalogCode or "–" }}, {{ c.departmentCode or "–" }}</dd>
<dt>What you wrote</dt><dd>{{ c.description }}</dd>
{% if c.address %}<dt>Address</dt><dd>{{ c.address }}</dd>{% endif %}
<dt>Personal data kept until</dt><dd>{{ at(c.personalDataKeptUntil) if c.personalDataKeptUntil else "counted from when the case is closed" }}</dd>
</dl>
{% if c.texts.length %}
<table><caption>Texts on case {{ c.reference }}</caption>
<thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Text</th></tr></thead>
<tbody>{% for t in c.texts %}<tr><td>{{ at(t.at) }}</td><td>{{ t.type }}{% if t.action %} ({{ t.action }}){% endif %}</td><td>{{ t.text }}</td></tr>{% endfor %}</tbody>
</table>
{% endif %}
</section>
{% else %}<p>None.</p>{% endfor %}

<h2>Messages sent to you</h2>
{% if extract.messages.length %}
<table><caption>E-mail and SMS about your cases</caption>
<thead><tr><th scope="col">Case</th><th scope="col">Message</th><th scope="col">By</th><th scope="col">To</th><th scope="col">Sent</th></tr></thead>
<tbody>{% for m in extract.messages %}<tr><td>{{ m.caseReference or "–" }}</td><td>{{ m.kind }}</td><td>{{ m.channel }}</td><td>{{ m.recipient or "–" }}</td><td>{{ at(m.sentAt) if m.sentAt else m.status }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p>None.</p>{% endif %}

<h2>Photos and e-mails kept</h2>
{% if extract.files.length %}
<table><caption>Photos you sent and e-mails of yours kept whole with your cases (you may ask for their content)</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Case</th><th scope="col">What</th><th scope="col">Size (bytes)</th></tr></thead>
<tbody>{% for f in extract.files %}<tr><td>{{ at(f.receivedAt) }}</td><td>{{ f.caseReference }}</td><td>{{ "Photo" if f.kind == "photo" else "E-mail" }}</td><td>{{ f.byteSize }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p>None.</p>{% endif %}

<h2>Your ratings</h2>
{% if extract.ratings.length %}
<table><caption>Ratings 1-5</caption>
<thead><tr><th scope="col">When</th><th scope="col">About</th><th scope="col">Ease</th><th scope="col">Treatment</th><th scope="col">Clarity</th><th scope="col">Comment</th></tr></thead>
<tbody>{% for r in extract.ratings %}<tr><td>{{ at(r.ratedAt) }}</td><td>{{ r.about }}</td><td>{{ r.ease or "–" }}</td><td>{{ r.treatment or "–" }}</td><td>{{ r.clarity or "–" }}</td><td>{{ r.comment or "–" }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p>None.</p>{% endif %}

<h2>Why we hold it, on what basis, who receives it, how long we keep it, where it came from</h2>
{% for p in extract.processing %}
<h3>{{ p.category }}</h3>
<dl><dt>Purposes</dt><dd>{{ p.purposes }}</dd><dt>Legal basis</dt><dd>{{ p.legalBasis }}</dd><dt>Recipients</dt><dd>{{ p.recipients }}</dd><dt>Retention</dt><dd>{{ p.retention }}</dd><dt>Source</dt><dd>{{ p.source }}</dd></dl>
{% endfor %}

<h2>Your rights</h2>
<p>{{ extract.rights }}</p>
</main>
</body>
</html>
`;

const LOOKUP_WORDS = { personalNumber: 'personal identity number', email: 'e-mail address', phone: 'phone number' };

const environment = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false });

/** The extract as an HTML page (UTF-8). */
export function extractDocument(extract: PersonExtractResponse): string {
  return environment.renderString(TEMPLATE, {
    extract,
    lookup: LOOKUP_WORDS[extract.lookedUpBy],
    at: (instant: Date) => instant.toISOString().slice(0, 16).replace('T', ' '),
  });
}

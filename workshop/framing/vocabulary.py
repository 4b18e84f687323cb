"""The words behind each element of RUBRIC.md's business-impact framing.

Kept as data, apart from the matching code, so a reader can see (and extend) what
counts as an outcome, a time, a piece of evidence or jargon.
"""

# Things the business measures (RUBRIC: money, customers, delivery, risk, people, competition).
OUTCOME_WORDS = [
    # money
    "revenue", "revenues", "sales", "cost", "costs", "costing", "costly", "spend", "spending", "budget", "budgets",
    "fee", "fees", "fines", "penalty", "penalties", "profit", "profits", "margin", "margins", "refund",
    "refunds", "income", "savings", "saving", "salary", "salaries", "payroll", "deals", "deal", "contract",
    "contracts", "purchase", "purchases", "in-app purchases", "subscriptions", "bookings",
    # customers
    "customer", "customers", "user", "users", "player", "players", "patient", "patients", "subscriber",
    "subscribers", "shopper", "shoppers", "client", "clients", "citizen", "citizens", "applicant", "applicants", "student", "students", "learner", "learners",
    "passenger", "passengers", "guest", "guests", "members",
    "churn", "churned", "conversion", "conversions", "renewal", "renewals", "complaint", "complaints", "support tickets",
    "support ticket", "satisfaction", "retention", "signups", "sign-ups", "visitors", "orders",
    "deliveries", "shipments", "shipment", "shipping", "no-shows", "escalations", "call-centre", "call center", "active users",
    # delivery
    "time to market", "to market", "launch", "launches", "releases", "deadline", "deadlines",
    "features", "hotfixes", "development time", "lead time", "lead times",
    # risk
    "outage", "outages", "downtime", "lost orders", "breach", "breaches", "audit", "compliance", "regulator",
    "regulatory", "legal", "lawsuit", "the law", "sla",
    # people
    "engineer-hours", "staff hours", "staff time", "person-days", "hiring", "attrition", "leaving", "on-call",
    "paged", "burnout", "recruiting",
    # competitive position
    "competitor", "competitors", "market share",
    # the business's own measures (RUBRIC: "something the business measures")
    "chargeback", "chargebacks", "premium", "premiums", "bills", "invoices", "donations", "payouts", "quotes",
    "order value", "basket size", "average spend", "occupancy", "nps", "net promoter score", "csat",
    "dispute", "disputes", "disputed", "certification", "accreditation", "licence", "license", "merchant account",
    "month-end close", "board meeting", "abandonment", "cart abandonment",
    "complain", "complains", "complained", "complaining",
]

# People the business serves or works with. Unlike the rubric's own customer words they count
# as an outcome only when something happens to them: counted ("300 dealers"), or doing
# something that costs the business ("partners abandoned", "sellers closed their shops").
GROUP_WORDS = [
    "partners", "dealers", "merchants", "sellers", "suppliers", "shippers", "tenants", "donors", "travellers",
    "travelers", "riders", "readers", "viewers", "listeners", "advertisers", "borrowers", "policyholders",
    "claimants", "buyers", "diners", "growers", "farmers", "families", "parents", "members", "guests",
    "carriers", "brokers", "resellers", "distributors", "franchisees", "agencies", "accounts",
    "candidates", "graduates", "hires", "fans", "owners", "hauliers", "couriers",
]
# What those people do that the business feels.
GROUP_EFFECT_VERBS = [
    "abandon", "abandoned", "abandoning", "abandons", "leave", "left", "leaving", "leaves", "quit", "quits",
    "quitting", "cancel", "cancelled", "canceled", "cancelling", "cancels", "churn", "churned", "switch",
    "switched", "switching", "give up", "gave up", "giving up", "go live", "went live", "close their",
    "closed their", "threaten", "threatened", "move their", "moved their", "pull", "pulled", "take a rival's",
    "take their business", "took their business", "stop buying", "stopped buying", "stop using", "stopped using",
    "complain", "complained", "wait", "waited", "waiting", "lose", "lost", "miss", "missed", "walk away",
    "walked away", "turned away", "turn away", "accept other offers", "accept another offer", "accepted other offers",
    "go elsewhere", "went elsewhere", "go to a competitor", "went to a competitor", "bill us", "billed us",
    "charge us", "charged us",
]


# Words after a customer noun that make it a system, not people: "patient portal", "user table".
SYSTEM_WORDS = [
    "portal", "app", "apps", "system", "systems", "database", "service", "services", "module", "modules", "table",
    "tables", "api", "schema", "model", "models", "page", "pages", "code", "component", "record", "records",
    "pipeline", "pipelines", "platform", "tool", "tools", "stack", "job", "jobs", "engine", "store", "server",
]

# Roles whose time, once sized, is a people outcome ("our 30 engineers ... 60 hours a week").
STAFF_WORDS = [
    "engineer", "engineers", "developer", "developers", "staff", "analyst", "analysts", "nurse", "nurses",
    "doctor", "doctors", "caseworker", "caseworkers", "dispatcher", "dispatchers", "driver", "drivers", "agent",
    "agents", "employee", "employees", "team", "teams", "everyone", "people", "clinician", "clinicians",
    "manager", "managers", "associates", "pickers", "packers", "recruiters", "adjusters", "volunteers", "clerks",
    "technicians", "operators", "planners", "accountants", "lawyers", "paralegals", "officers", "workers",
    "crew", "crews", "admins", "administrators", "support staff", "finance", "operations",
]

NUMBER_WORDS = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "billion", "dozen", "dozens",
]

MULTIPLIER_WORDS = [
    "twice", "double", "doubled", "doubles", "doubling", "triple", "tripled", "half", "halved", "halve",
    "a third", "a quarter of", "one in", "quadrupled", "tenfold",
]

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]

PERIODS = ["second", "minute", "hour", "day", "week", "month", "quarter", "year", "sprint", "release", "shift",
           "night", "morning", "weekend", "season", "cycle", "term", "fortnight"]

NAMED_EVENTS = [
    "black friday", "cyber monday", "christmas", "holiday season", "holiday load", "holiday traffic", "the holidays",
    "peak season", "peak traffic", "peak", "busiest week", "busiest day", "year-end", "year end", "month-end",
    "month end", "tax season", "open enrolment", "open enrollment", "launch weekend", "launch day", "go-live",
    "opening night", "opening weekend", "opening day", "opening week", "closing night", "premiere",
]

RATE_WORDS = ["daily", "weekly", "monthly", "yearly", "annually", "annual", "nightly", "quarterly", "hourly",
              "per annum", "year over year", "year-on-year", "year on year", "month over month", "month-on-month",
              "week over week", "week-on-week"]

EVIDENCE_SOURCES = [
    "log", "logs", "incident log", "dashboard", "dashboards", "report", "reports", "survey", "surveys",
    "experiment", "experiments", "pilot", "pilots", "benchmark", "benchmarks", "post-mortem", "post-mortems",
    "postmortem", "postmortems", "study", "studies", "research", "analytics", "a/b test", "ab test", "trial data",
    "time study", "user study", "telemetry", "metrics show", "data shows", "data show",
    # observed events: a letter, a notice or a warning someone sent us, what customers said on the way out
    "letter", "letters", "notice", "notices", "warning", "warnings", "exit interviews", "exit calls",
    "exit survey", "call recordings", "bank statement", "invoice from",
]
# Words for working on a document rather than citing it: "rebuild the client report by hand".
SOURCE_AS_WORK = ["build", "builds", "rebuild", "rebuilds", "write", "writes", "rewrite", "fix", "fixes", "migrate",
                  "move", "copy", "copies", "print", "prints", "re-print", "generate", "generates", "export", "update",
                  "maintain", "automate", "create", "send", "chase", "re-key", "re-type", "fill", "produce", "format"]

EVIDENCE_VERBS = [
    "measured", "we measured", "found", "showed", "shows", "show", "recorded", "observed", "logged", "tracked",
    "according to", "reported", "counted", "confirmed",
    "warned", "flagged", "threatened", "complained", "noted", "cited", "notified", "told us", "wrote to us",
]
PAST_VERBS = [
    "had", "saw", "was", "were", "rose", "fell", "dropped", "grew", "doubled", "halved", "increased", "decreased",
    "went", "lost", "cost us", "caused", "generated", "took", "spent", "declined", "jumped", "climbed", "raised",
    "cut", "crashed", "failed", "missed", "paged",
]

# Technical terms a business listener would not know, with a plain-language prompt.
JARGON = {
    "refactor": "restructuring the code so that changes become faster and safer",
    "microservice": "splitting the system into small, separately released parts",
    "monolith": "one large system in which any change can affect everything",
    "kubernetes": "the platform that runs and scales our services",
    "k8s": "the platform that runs and scales our services",
    "docker": "packaging software so it runs the same everywhere",
    "container": "packaging software so it runs the same everywhere",
    "containerize": "packaging software so it runs the same everywhere",
    "ci/cd": "the automated path from a code change to customers",
    "orm": "the layer that connects our code to the database",
    "p95": "how slow the slowest 5% of requests are",
    "p99": "how slow the slowest 1% of requests are",
    "sharding": "splitting the data across several machines",
    "shard": "splitting the data across several machines",
    "idempotent": "safe to repeat without doing the action twice",
    "race condition": "a timing bug that strikes at random under load",
    "memory leak": "the app slowly using up memory until it crashes",
    "garbage collection": "the pauses when the system cleans up memory",
    "technical debt": "shortcuts in the code that now slow every change",
    "tech debt": "shortcuts in the code that now slow every change",
    "flaky tests": "automated checks that fail at random and block releases",
    "flaky test": "automated checks that fail at random and block releases",
    "linter": "an automatic style and mistake checker",
    "type hints": "labels in the code that catch mistakes before customers do",
    "schema migration": "changing how the database stores its data",
    "graphql": "a way for apps to ask the server for exactly the data they need",
    "kafka": "the system that passes messages between our services",
    "terraform": "the tool that sets up our servers from a script",
    "event sourcing": "keeping every change as a permanent history",
    "dependency injection": "a way of wiring code together so parts can be swapped",
    "api": "the connection other systems and partners use",
    "endpoint": "one of the connections other systems use",
    "deadlock": "two parts of the system waiting on each other forever",
    "load balancer": "the part that spreads traffic across our servers",
    "null pointer": "a common crash caused by missing data",
    "cache": "a store of ready answers that makes pages faster",
    "caching": "keeping ready answers to make pages faster",
    "regex": "a text-matching rule",
}

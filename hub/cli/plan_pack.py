"""`build.py pack --plan ADDRESS`: the workshop pack of a session planned on the site, printed by WeasyPrint.

It is the pack the planner makes in the browser (docs/assets/javascripts/pack.js) for the same
address: the same cover, contents, agenda and checklist (print/pack.workshop.html.j2, which the
browser draws to the same rules) and the same exercise sections (print/_pack_exercise.html.j2), so
the two give the same text in the same order (tests/test_browser_pack.py compares them).
"""

from __future__ import annotations

import argparse

from hub.cli.say import say
from hub.content.characters import font_coverage, why_unprintable
from hub.model.session_pack import PLANNER_PAGE, SessionPack, exercise_facts, session_pack_item
from hub.model.session_plan import parse_plan
from hub.settings import Settings


def run_plan_pack(settings: Settings, args: argparse.Namespace) -> int:
    """Print the pack of the plan in ``args.plan``; a plan the planner would have to correct is a usage error."""
    from hub.pipeline import print_one, read
    from hub.render.formats.workshop_packs import PARTICIPANT_SET, PARTICIPANTS_TEMPLATE, TEMPLATE, WORKSHOP_PACK
    from hub.render.outputs import Output

    model = read(settings)
    library = model.library
    plan = parse_plan(args.plan, exercise_facts(library))
    problems = list(plan.messages)
    covered = font_coverage(settings.paths.project)
    for setting in ("title", "place"):
        problem = why_unprintable(getattr(plan, setting), covered)
        if problem:
            problems.append(f"its {setting}: {problem}")
    session = SessionPack(plan, library)
    if not session.exercises:
        problems.append("the plan has no exercises; add at least one")
    if session.summary.past_midnight:
        problems.append(session.summary.past_midnight)
    if problems:
        args.fail("argument --plan: " + " ".join(problems))
    context = {"item": session_pack_item(session), "plan": session, "variant": WORKSHOP_PACK}
    output = Output("", f"the pack for {args.output}", TEMPLATE, context, PLANNER_PAGE)
    print_one(settings, model, output, args.output)
    if args.participants is not None:
        context = {**context, "variant": PARTICIPANT_SET}
        label = f"the participant set for {args.participants}"
        print_one(settings, model, Output("", label, PARTICIPANTS_TEMPLATE, context, PLANNER_PAGE), args.participants)
    count = len(session.exercises)
    say(
        f"Wrote {args.output}: {count} exercise{'s' if count != 1 else ''}, "
        f"{session.start_text} to {session.end_text} ({session.total_text})."
    )
    if args.participants is not None:
        say(f"Wrote {args.participants}: the participant set, to photocopy one for each person.")
    return 0

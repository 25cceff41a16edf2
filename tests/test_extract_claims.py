"""Claims from whole items: renewal, date and phase, with hedging, negation and attribution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from monitor.extract.claims import analyse, extract_for_watch, extract_item
from monitor.match.titles import TitleMatcher
from monitor.models import Item, Watch

GH2 = Watch("Glass Harbor", 2)
GH3 = Watch("Glass Harbor", 3)
MF4 = Watch("Midnight Ferry", 4)
MF5 = Watch("Midnight Ferry", 5)
GH2_JA = Watch("Glass Harbor", 2, ("硝子の港",))
GH2_KO = Watch("Glass Harbor", 2, ("유리 항구",))


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    text: str
    published: date | None
    renewal: str | None = None
    date: str | None = None
    phase: str | None = None
    watch: Watch = GH2


D = date(2026, 10, 1)  # a Thursday
IMPLIES_RENEWAL = ("pre-production", "filming", "post-production")

CASES = [
    # ----- writers' room wording is pre-production
    *[
        Case(
            f"writing_{slug}",
            "Glass Harbor season 2: what we know",
            text,
            D,
            phase="pre-production",
        )
        for slug, text in (
            (
                "scripts_for_season_being_written",
                "Scripts for Glass Harbor season 2 are being written now.",
            ),
            ("scripts_already_written", "The scripts for season 2 are already written."),
            (
                "writers_breaking_stories",
                "Writers are already breaking stories for the new season of Glass Harbor.",
            ),
            ("writers_room_broke_story", "The writers' room broke story on season 2 in June."),
        )
    ],
    Case(
        "breaking_the_story_is_journalism_not_writing",
        "",
        "Deadline, breaking the story, said Glass Harbor season 2 has a new composer.",
        D,
    ),
    # ----- an official word after a rumour or a denial is the claim
    *[
        Case(
            f"official_after_rumour_{slug}", "Glass Harbor season 2 release date", text, D, **claim
        )
        for slug, text, claim in (
            (
                "despite_posts_date_not_set",
                "Despite posts claiming a May date, a Netflix spokesperson says the release date "
                "for Glass Harbor season 2 has not been set.",
                {"date": "unannounced"},
            ),
            (
                "denied_saying_not_decided",
                "Netflix has denied reports of a June premiere, saying a release date for the "
                "second season has not been decided.",
                {"date": "unannounced"},
            ),
            (
                "despite_claims_still_filming",
                "Despite viral posts claiming otherwise, Glass Harbor has not been cancelled; "
                "season 2 is currently filming.",
                {"phase": "filming", "renewal": "renewed"},
            ),
            (
                "claim_without_despite_stays_hedged",
                "Posts are claiming Glass Harbor season 2 premieres in May 2027.",
                {},
            ),
            (
                "denial_without_saying_stays_denied",
                "Netflix denied that Glass Harbor season 2 premieres in May 2027.",
                {},
            ),
        )
    ],
    # ----- a season mention right after another show's one-word title is that show's
    *[
        Case(
            f"other_title_season_{slug}",
            "Streaming renewals this year: every decision",
            "Renewed: Midnight Ferry (season 3), Glass Harbor (season 2). "
            f"Cancelled: Pale Orchard, Tin Lantern. Coming back soon: {mention} arrives March 6.",
            D,
            renewal=renewal,
            watch=watch,
        )
        for slug, mention, watch, renewal in (
            ("same_number_is_not_ours", "Brackwater season 2", GH2, "renewed"),
            ("possessive_ordinal", "Brackwater's second season", GH2, "renewed"),
            (
                "other_number_listed_show",
                "Brackwater season 3",
                Watch("Midnight Ferry", 3),
                "renewed",
            ),
            ("not_renewed_by_it", "Brackwater season 2", Watch("Midnight Ferry", 2), None),
        )
    ],
    Case(
        "own_title_season_keeps_its_date",
        "",
        "Coming back soon: Glass Harbor season 2 arrives March 6.",
        D,
        date="2027-03-06",
    ),
    *[
        Case(
            f"opening_word_before_season_is_not_a_title_{w.lower()}",
            "",
            f"Glass Harbor is coming back. {w} season 2 arrives on March 6, fans say.",
            D,
            date="2027-03-06",
        )
        for w in ("Officially", "Finally", "Now")
    ],
    Case(
        "sentence_start_word_before_season_is_not_a_title",
        "",
        "Glass Harbor is coming back. When season 2 arrives on March 6, fans will be ready.",
        D,
        date="2027-03-06",
    ),
    *[
        Case(
            f"cancelled_list_last_title_{slug}",
            "Streaming renewals this year: every decision",
            f"Renewed: Midnight Ferry (season 3), Brackwater (season 2). Cancelled: {listed}. "
            "Coming back soon: Brackwater season 2 arrives March 6.",
            D,
            renewal="cancelled",
            watch=GH3,
        )
        for slug, listed in (
            ("last", "Pale Orchard, Glass Harbor"),
            ("first", "Glass Harbor, Pale Orchard"),
        )
    ],
    # ----- a writer's bet is no date (round 8)
    *[
        Case(
            f"bet_{slug}",
            "Glass Harbor season 2: what we know",
            f"Netflix has not yet announced a release date, {bet} to see it arrive around "
            "Halloween 2027.",
            D,
            date="unannounced",
        )
        for slug, bet in (
            ("wouldnt_be_surprised", "though we wouldn't be surprised"),
            ("would_not_be_surprised", "but we would not be surprised"),
            ("dont_be_surprised", "so don't be surprised"),
        )
    ],
    *[
        Case(f"bet_{slug}", "", f"{bet} Glass Harbor season 2 premieres in March 2027.", D)
        for slug, bet in (
            ("wed_bet", "We'd bet"),
            ("odds_are", "Odds are"),
            ("chances_are", "Chances are"),
            ("money_is_on", "Our money is on a spring return:"),
            ("dont_be_surprised_if", "Don't be surprised if"),
        )
    ],
    Case(
        "bet_could_well",
        "",
        "Glass Harbor season 2 could well arrive in March 2027.",
        D,
    ),
    # ----- round 8: passing on a season, slating a quarter, a date still to be announced
    Case(
        "cancel_passes_on_title_season",
        "Hulu Passes on 'Glass Harbor' Season 2",
        "The streamer made the call this week.",
        D,
        renewal="cancelled",
    ),
    Case(
        "cancel_will_not_move_forward_with_season",
        "",
        "Hulu will not move forward with a second season of the drama Glass Harbor, the "
        "producers confirmed.",
        D,
        renewal="cancelled",
    ),
    Case(
        "cancel_wont_go_forward_with_season",
        "",
        "Netflix won't go forward with a second season of Glass Harbor.",
        D,
        renewal="cancelled",
    ),
    Case(
        "no_cancel_moving_forward_with_season",
        "",
        "Netflix is moving forward with a second season of Glass Harbor.",
        D,
    ),
    Case(
        "date_slates_season_for_quarter",
        "Prime Video slates 'Glass Harbor' season 2 for Q4 2027",
        "",
        D,
        date="2027-Q4",
    ),
    Case(
        "date_slate_season_of_title_for_quarter",
        "",
        "The upfront materials slate the second season of Glass Harbor for Q2 2027.",
        D,
        date="2027-Q2",
    ),
    Case(
        "date_fall_slate_noun_is_no_verb",
        "",
        "Glass Harbor season 2 leads the streamer's fall slate, which also has three films.",
        D,
    ),
    Case(
        "unannounced_not_been_given_a_date",
        "",
        "Glass Harbor season 2 has not been given a premiere date yet.",
        D,
        date="unannounced",
    ),
    Case(
        "unannounced_not_yet_been_set_a_date",
        "",
        "Season 2 of Glass Harbor hasn't yet been given a release date.",
        D,
        date="unannounced",
    ),
    Case(
        "unannounced_date_announced_in_the_summer",
        "",
        "Glass Harbor's second season has wrapped, and a premiere date will be announced in the "
        "summer.",
        D,
        date="unannounced",
        phase="post-production",
    ),
    Case(
        "unannounced_date_revealed_next_month",
        "",
        "Netflix says the Glass Harbor season 2 release date will be revealed next month.",
        D,
        date="unannounced",
    ),
    # ----- round 8: a rumour the writer corrects does not hedge the correction
    Case(
        "corrected_rumour_then_still_shooting",
        "No, Glass Harbor hasn't been cancelled",
        "A viral post claimed Peacock had scrapped the show, but Glass Harbor has not been "
        "cancelled; season 2 is still shooting in Toronto.",
        D,
        phase="filming",
    ),
    Case(
        "uncorrected_rumour_still_hedges",
        "",
        "A viral post claimed Peacock had scrapped the show, and season 2 is still shooting in "
        "Toronto.",
        D,
    ),
    Case(
        "rumour_but_without_correction_still_hedges",
        "",
        "Insiders claim Glass Harbor season 2 premieres in May 2027, but Netflix says it "
        "returns in June 2027.",
        D,
    ),
    Case(
        "prediction_is_not_corrected_by_but_not",
        "",
        "We predict Glass Harbor season 2 will not slip, but it is still shooting in Toronto.",
        D,
    ),
    # ----- round 8: what follows "no date yet, though/but" is a guess unless it cites the network
    *[
        Case(
            f"no_date_then_{slug}",
            "Glass Harbor season 2: what we know",
            f"Netflix has not yet announced a release date, {rest}",
            D,
            date="unannounced",
        )
        for slug, rest in (
            ("though_guess", "though we expect to see it arrive around Halloween 2027."),
            ("but_writer_says", "but it will arrive around Halloween 2027."),
            ("dash_though", "- though it should land in October 2027."),
        )
    ],
    Case(
        "no_date_but_network_confirmed",
        "",
        "There is no Glass Harbor season 2 release date yet, but Netflix confirmed it will arrive "
        "in October 2027.",
        D,
        date="2027-10",
    ),
    # ----- renewal
    Case(
        "renewed_verb",
        "Glass Harbor renewed for season 2 at Netflix",
        "Netflix has renewed the crime drama Glass Harbor for a second season.",
        D,
        renewal="renewed",
    ),
    Case(
        "greenlit", "Netflix greenlights a second season of Glass Harbor", "", D, renewal="renewed"
    ),
    Case(
        "picked_up",
        "",
        "Glass Harbor has been picked up for a second season by Netflix.",
        D,
        renewal="renewed",
    ),
    Case(
        "season_order",
        "'Glass Harbor' lands season 2 order",
        "Netflix has given a season 2 order to Glass Harbor, the streamer said Tuesday.",
        D,
        renewal="renewed",
    ),
    Case(
        "officially_coming_back",
        "",
        "Glass Harbor is officially coming back for season 2.",
        D,
        renewal="renewed",
    ),
    Case(
        "confirmed_for_second_season",
        "",
        "Glass Harbor has been confirmed for a second season.",
        D,
        renewal="renewed",
    ),
    Case(
        "season_has_been_confirmed",
        "",
        "Season two of Glass Harbor has been confirmed by the streamer.",
        D,
        renewal="renewed",
    ),
    Case(
        "renewal_noun_confirmed",
        "Glass Harbor season 2: renewal confirmed",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "renewal_of_other_season",
        "Netflix renews Glass Harbor for season 3",
        "The streamer has renewed Glass Harbor for a third season.",
        D,
    ),
    Case(
        "not_renewed_yet_is_not_cancelled",
        "",
        "Glass Harbor has not been renewed for season 2 yet.",
        D,
    ),
    Case(
        "hasnt_been_cancelled",
        "",
        "Glass Harbor hasn't been cancelled, but Netflix is yet to decide on a second season.",
        D,
    ),
    Case(
        "hasnt_renewed_or_cancelled",
        "",
        "Netflix hasn't renewed or cancelled Glass Harbor so far.",
        D,
    ),
    Case(
        "will_not_renew",
        "",
        "Netflix will not renew Glass Harbor for a second season.",
        D,
        renewal="cancelled",
    ),
    Case(
        "decided_not_to_renew",
        "",
        "Netflix has decided not to renew Glass Harbor.",
        D,
        renewal="cancelled",
    ),
    Case(
        "cancelled_after_one_season",
        "Netflix cancels Glass Harbor after one season",
        "",
        D,
        renewal="cancelled",
    ),
    Case(
        "axed",
        "Glass Harbor axed at Netflix",
        "Netflix has axed the drama Glass Harbor.",
        D,
        renewal="cancelled",
    ),
    Case(
        "will_not_return",
        "",
        "Glass Harbor will not return for a second season, Netflix confirmed.",
        D,
        renewal="cancelled",
    ),
    Case("wont_get_season", "", "Glass Harbor won't get a second season.", D, renewal="cancelled"),
    Case(
        "there_will_be_no_season",
        "",
        "There will be no second season of Glass Harbor.",
        D,
        renewal="cancelled",
    ),
    Case(
        "actor_will_not_return", "", "Star Mia Park will not return for Glass Harbor season 2.", D
    ),
    Case(
        "cancelled_event_not_show",
        "",
        "The Glass Harbor season 2 fan event in Seoul was cancelled due to weather.",
        D,
    ),
    Case("hedged_may_be_cancelled", "", "Glass Harbor may be cancelled after low ratings.", D),
    Case("rumour_of_cancellation", "", "Rumours suggest Netflix has cancelled Glass Harbor.", D),
    Case("question_renewed", "Has Glass Harbor been renewed for season 2?", "", D),
    Case(
        "plans_for_season", "", "The showrunner has plans for a second season of Glass Harbor.", D
    ),
    Case("hopeful_cast", "", "The cast are hopeful that Glass Harbor will be renewed.", D),
    Case("reportedly_plans", "", "Netflix reportedly plans to renew Glass Harbor.", D),
    Case(
        "renewal_status_box",
        "Glass Harbor season 2: renewal status",
        "Official Netflix Renewal Status: Renewed (Last Updated: 12/04/2026).",
        D,
        renewal="renewed",
    ),
    Case(
        "revived_elsewhere",
        "",
        "Days after Netflix cancelled it, Glass Harbor was picked up by Prime Video for season 3.",
        D,
        renewal="renewed",
        watch=GH3,
    ),
    Case(
        "seasons_two_and_three",
        "",
        "Netflix renewed Glass Harbor for seasons 2 and 3.",
        D,
        renewal="renewed",
        watch=GH3,
    ),
    Case(
        "no_third_season_for_s3",
        "",
        "There will be no third season of Glass Harbor.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case("no_third_season_not_s2", "", "There will be no third season of Glass Harbor.", D),
    Case(
        "ending_with_fourth_for_s5",
        "",
        "Midnight Ferry will end with its fourth season, Netflix announced.",
        D,
        renewal="cancelled",
        watch=MF5,
    ),
    Case(
        "ending_with_fourth_not_s4",
        "",
        "Midnight Ferry will end with its fourth season, Netflix announced.",
        D,
        watch=MF4,
    ),
    Case(
        "third_and_final_for_s4",
        "",
        "Netflix renewed Midnight Ferry for a third and final season.",
        D,
        renewal="cancelled",
        watch=MF4,
    ),
    Case(
        "third_and_final_for_s3",
        "",
        "Netflix renewed Midnight Ferry for a third and final season.",
        D,
        renewal="renewed",
        watch=Watch("Midnight Ferry", 3),
    ),
    Case(
        "korean_renewal",
        "",
        "넷플릭스가 지금 우리 학교는 시즌2 제작을 공식 확정했다.",
        D,
        renewal="renewed",
        watch=Watch("All of Us Are Dead", 2, aliases=("지금 우리 학교는",)),
    ),
    Case(
        "you_common_word_quoted",
        "Netflix renews 'You' for a fifth and final season",
        "",
        D,
        renewal="renewed",
        watch=Watch("You", 5),
    ),
    Case(
        "wednesday_weekday_not_show",
        "Netflix earnings recap",
        "On Wednesday, Netflix said it had renewed several of its biggest shows.",
        D,
        watch=Watch("Wednesday", 3),
    ),
    Case(
        "wednesday_show",
        "Wednesday season 3 officially renewed at Netflix",
        "Netflix's Wednesday has been renewed for a third season.",
        D,
        renewal="renewed",
        watch=Watch("Wednesday", 3),
    ),
    Case(
        "list_renewed_own_season",
        "Netflix renewals and cancellations: the list",
        "Renewed: Midnight Ferry (season 4), Glass Harbor (season 2). Cancelled: Paper Crowns, "
        "The Salt Road.",
        D,
        renewal="renewed",
    ),
    Case(
        "list_renewed_other_season",
        "Netflix renewals and cancellations: the list",
        "Renewed: Glass Harbor (season 2), Midnight Ferry (season 4). Cancelled: Paper Crowns, "
        "The Salt Road.",
        D,
        watch=Watch("Midnight Ferry", 3),
    ),
    Case(
        "list_cancelled_no_season",
        "Netflix renewals and cancellations: the list",
        "Renewed: Midnight Ferry (season 4), Glass Harbor (season 2). Cancelled: Paper Crowns, "
        "The Salt Road.",
        D,
        renewal="cancelled",
        watch=Watch("The Salt Road", 2),
    ),
    Case(
        "list_other_shows_cancelled",
        "Netflix renewals and cancellations: the list",
        "Renewed: Glass Harbor (season 2). Cancelled: Paper Crowns, The Salt Road.",
        D,
        renewal="renewed",
    ),
    # ----- dates
    Case(
        "full_date",
        "",
        "Glass Harbor season 2 premieres March 14, 2027 on Netflix.",
        D,
        date="2027-03-14",
    ),
    Case(
        "yearless_resolves_forward",
        "",
        "Glass Harbor returns for season 2 on January 9, Netflix announced.",
        D,
        date="2027-01-09",
    ),
    Case(
        "day_month_year",
        "",
        "Season 2 of Glass Harbor arrives on 9 January 2027.",
        D,
        date="2027-01-09",
    ),
    Case("month_year", "", "Glass Harbor season 2 is set for April 2027.", D, date="2027-04"),
    Case("spring", "", "Glass Harbor season 2 will debut in spring 2027.", D, date="2027-spring"),
    Case(
        "this_fall",
        "",
        "Glass Harbor season 2 arrives this fall.",
        date(2026, 6, 1),
        date="2026-fall",
    ),
    Case("early_year", "", "Glass Harbor season 2 is slated for early 2027.", D, date="2027-H1"),
    Case("late_year", "", "Glass Harbor season 2 will premiere in late 2027.", D, date="2027-H2"),
    Case(
        "quarter",
        "",
        "Netflix lists Glass Harbor season 2 among releases coming in Q3 2027.",
        D,
        date="2027-Q3",
    ),
    Case(
        "first_half",
        "",
        "Glass Harbor season 2 will launch in the first half of 2027.",
        D,
        date="2027-H1",
    ),
    Case("year_only", "", "Glass Harbor season 2 is coming in 2027.", D, date="2027"),
    Case(
        "later_this_year",
        "",
        "Glass Harbor season 2 will premiere later this year.",
        date(2026, 3, 1),
        date="2026",
    ),
    Case(
        "next_month",
        "",
        "Glass Harbor season 2 drops next month.",
        date(2026, 3, 10),
        date="2026-04",
    ),
    Case("boxing_day", "", "Glass Harbor season 2 arrives on Boxing Day.", D, date="2026-12-26"),
    Case("this_friday", "", "Glass Harbor season 2 premieres this Friday.", D, date="2026-10-02"),
    Case(
        "premieres_today",
        "",
        "Glass Harbor season 2 premieres today on Netflix.",
        D,
        date="2026-10-01",
        phase="released",
    ),
    Case(
        "us_numeric_yearless",
        "",
        "Glass Harbor season 2 debuts 2/20 on Netflix.",
        date(2026, 1, 15),
        date="2026-02-20",
    ),
    Case("us_numeric_full", "", "Glass Harbor season 2 premieres 3/14/2027.", D, date="2027-03-14"),
    Case("iso", "", "Glass Harbor season 2 release date: 2027-01-29.", D, date="2027-01-29"),
    Case(
        "moved_from_to",
        "",
        "Netflix moved the Glass Harbor season 2 premiere from January 29 to March 5.",
        D,
        date="2027-03-05",
    ),
    Case(
        "pushed_month_to_month",
        "",
        "Netflix has pushed Glass Harbor season 2 from January to March 2027.",
        D,
        date="2027-03",
    ),
    Case(
        "delayed_headline",
        "Glass Harbor season 2 delayed to summer 2027",
        "",
        D,
        date="2027-summer",
    ),
    Case(
        "split_season_first_part",
        "",
        "Glass Harbor season 2 will be released in two parts: Part 1 arrives May 1, 2027, and "
        "Part 2 follows on June 5.",
        D,
        date="2027-05-01",
    ),
    Case(
        "split_season_watch_part_two",
        "",
        "Glass Harbor season 2 will be released in two parts: Part 1 arrives May 1, 2027, and "
        "Part 2 arrives on June 5.",
        D,
        date="2027-06-05",
        watch=Watch("Glass Harbor", 2, part=2),
    ),
    Case(
        "history_season_one",
        "Glass Harbor season 2: everything we know",
        "The first season of Glass Harbor premiered on March 4, 2026.",
        date(2026, 9, 2),
    ),
    Case(
        "history_no_season",
        "Glass Harbor season 2: everything we know",
        "Glass Harbor was released on Netflix on March 4, 2026 and became a hit.",
        date(2026, 9, 2),
    ),
    Case(
        "history_yearless_past_tense",
        "Glass Harbor season 2: everything we know",
        "Glass Harbor premiered on March 4 and quickly became a global hit.",
        date(2026, 9, 2),
    ),
    Case(
        "unannounced_no_date_yet",
        "",
        "No release date for Glass Harbor season 2 has been confirmed yet.",
        D,
        date="unannounced",
    ),
    Case(
        "unannounced_not_announced",
        "",
        "Netflix has not announced a release date for Glass Harbor season 2.",
        D,
        date="unannounced",
    ),
    Case(
        "unannounced_later",
        "Glass Harbor season 2 wraps filming",
        "A premiere date will be announced later.",
        D,
        date="unannounced",
        phase="post-production",
    ),
    Case(
        "real_date_beats_unannounced",
        "",
        "Glass Harbor season 2 arrives in 2027, though an exact date has not been revealed.",
        D,
        date="2027",
    ),
    Case("hedged_could", "", "Glass Harbor season 2 could arrive in late 2027.", D),
    Case("hedged_expected", "", "Glass Harbor season 2 is expected to premiere in 2027.", D),
    Case(
        "hedged_best_guess",
        "",
        "We'd expect roughly a year between seasons, so early 2027 is our best guess.",
        D,
    ),
    Case(
        "hedged_prediction_sentence",
        "",
        "Our prediction: Glass Harbor season 2 arrives in March 2027.",
        D,
    ),
    Case("date_of_other_season", "", "Glass Harbor season 3 premieres June 5, 2027.", D),
    Case(
        "two_seasons_one_sentence",
        "",
        "Glass Harbor season 2 premieres June 5, 2027, a year after season 1 premiered on "
        "June 6, 2026.",
        D,
        date="2027-06-05",
    ),
    Case(
        "trailer_release_is_not_season",
        "",
        "Netflix released the Glass Harbor season 2 trailer on Monday.",
        D,
    ),
    Case(
        "shoot_through_is_not_release",
        "",
        "Glass Harbor season 2 is scheduled to shoot through March.",
        D,
    ),
    Case(
        "year_title_is_not_a_year",
        "'1923' season 2 sets February premiere",
        "1923 season 2 premieres February 23, 2025 on Paramount+.",
        date(2024, 12, 1),
        date="2025-02-23",
        watch=Watch("1923", 2),
    ),
    Case(
        "title_number_season",
        "",
        "Stranger Things 5 arrives November 26, 2025 on Netflix.",
        date(2025, 6, 1),
        date="2025-11-26",
        watch=Watch("Stranger Things", 5),
    ),
    Case(
        "korean_date",
        "지금 우리 학교는 시즌2, 2027년 1월 22일 공개",
        "",
        D,
        date="2027-01-22",
        watch=Watch("All of Us Are Dead", 2, aliases=("지금 우리 학교는",)),
    ),
    Case(
        "new_season_pronoun",
        "Glass Harbor season 2 review",
        "The new season arrives on Netflix on May 1.",
        date(2027, 4, 1),
        date="2027-05-01",
    ),
    Case(
        "list_date_in_parentheses",
        "Everything coming to Netflix this fall",
        "Highlights include the return of Glass Harbor (season 2, October 9) and the final "
        "season of Midnight Ferry.",
        date(2026, 6, 20),
        date="2026-10-09",
    ),
    Case(
        "monday_show_and_weekday",
        "Netflix's 'Monday' season 2 gets a premiere date",
        "Season 2 of Monday premieres on Monday, March 2, 2026.",
        date(2025, 12, 1),
        date="2026-03-02",
        watch=Watch("Monday", 2),
    ),
    Case(
        "monday_weekday_no_show",
        "Box office: what opened on Monday",
        "On Monday the studio released its second trailer for the season's biggest film.",
        date(2025, 12, 1),
        watch=Watch("Monday", 2),
    ),
    Case(
        "final_season_with_flag",
        "",
        "The final season of Midnight Ferry premieres October 3, 2026.",
        date(2026, 5, 1),
        date="2026-10-03",
        watch=Watch("Midnight Ferry", 4, final=True),
    ),
    # ----- phases
    Case(
        "filming_began",
        "",
        "Filming on Glass Harbor season 2 began in Belfast this week.",
        D,
        phase="filming",
    ),
    Case("cameras_rolling", "Cameras are rolling on Glass Harbor season 2", "", D, phase="filming"),
    Case(
        "currently_in_production",
        "",
        "Glass Harbor season 2 is currently in production.",
        D,
        phase="filming",
    ),
    Case(
        "started_shooting",
        "",
        "Season 2 of Glass Harbor has started shooting in Belfast.",
        D,
        phase="filming",
    ),
    Case("wrapped", "", "Glass Harbor season 2 has wrapped filming.", D, phase="post-production"),
    Case(
        "in_post",
        "",
        "Glass Harbor season 2 is now in post-production.",
        D,
        phase="post-production",
    ),
    Case(
        "pre_production",
        "",
        "Glass Harbor season 2 is in pre-production, with filming set to begin in May.",
        D,
        phase="pre-production",
    ),
    Case(
        "writers_room",
        "",
        "The writers' room for Glass Harbor season 2 has opened.",
        D,
        phase="pre-production",
    ),
    Case(
        "scripts",
        "Netflix orders Glass Harbor season 2",
        "Writers have started work on scripts, with filming expected next year.",
        D,
        renewal="renewed",
        phase="pre-production",
    ),
    Case(
        "in_development",
        "",
        "A second season of Glass Harbor is in development.",
        D,
        phase="development",
    ),
    Case("future_filming", "", "Filming on Glass Harbor season 2 will begin in May.", D),
    Case("hedged_filming", "", "Glass Harbor season 2 is expected to start filming in May.", D),
    Case("negated_filming", "", "Glass Harbor season 2 has not started filming yet.", D),
    Case(
        "filming_history_clause",
        "",
        "Glass Harbor season 2 premieres June 5, 2027, two years after filming began.",
        D,
        date="2027-06-05",
    ),
    Case(
        "now_streaming",
        "",
        "Glass Harbor season 2 is now streaming on Netflix.",
        D,
        phase="released",
    ),
    Case(
        "episodes_are_on_the_platform_now",
        "",
        "All ten episodes of Glass Harbor's second season are on Netflix now.",
        D,
        phase="released",
    ),
    Case(
        "is_on_the_platform_now_first_season_is_not_the_next",
        "",
        "The first season of Glass Harbor is on Netflix now; season 2 has no release date yet.",
        D,
        date="unannounced",
    ),
    Case(
        "editing_is_under_way",
        "",
        "Editing is under way on the second season of Glass Harbor in London.",
        D,
        renewal="renewed",
        phase="post-production",
    ),
    Case(
        "editing_has_now_begun",
        "",
        "Editing has now begun on Glass Harbor season 2.",
        D,
        renewal="renewed",
        phase="post-production",
    ),
    Case(
        "editing_the_trailer_is_no_phase",
        "",
        "The studio is editing the Glass Harbor season 2 trailer.",
        D,
    ),
    Case(
        "out_now",
        "",
        "Glass Harbor season 2, out now on Netflix, is a bolder story.",
        D,
        phase="released",
    ),
    Case(
        "released_history_without_season",
        "Glass Harbor season 2: everything we know",
        "Glass Harbor premiered on Netflix in March 2026.",
        date(2026, 9, 1),
    ),
    Case(
        "season_one_filming",
        "",
        "Season 1 of Glass Harbor was shot in Belfast after filming began in early 2024.",
        D,
    ),
    Case(
        "negated_cancellation_with_phase",
        "Is Glass Harbor cancelled? No.",
        "Despite rumours online, Glass Harbor has not been cancelled; season 2 is still in "
        "production.",
        D,
        phase="filming",
    ),
    Case(
        "three_body_digit_title",
        "",
        "3 Body Problem season 2 is filming in London.",
        D,
        phase="filming",
        watch=Watch("3 Body Problem", 2),
    ),
    # ----- more phrasings
    Case(
        "confirms_season_headline",
        "Netflix Confirms Glass Harbor Season 2",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "confirms_release_date_is_not_renewal",
        "",
        "Netflix confirmed Glass Harbor season 2 release date is June 5, 2027.",
        D,
        date="2027-06-05",
    ),
    Case(
        "will_be_back_for_season",
        "",
        "Glass Harbor will be back for season 2.",
        D,
        renewal="renewed",
    ),
    Case(
        "second_and_third_season",
        "",
        "Glass Harbor has been renewed for a second and third season.",
        D,
        renewal="renewed",
        watch=GH3,
    ),
    Case(
        "officially_happening",
        "Glass Harbor Season 2 Is Officially Happening",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "announced_weekday_is_not_release_date",
        "",
        "Netflix announced Wednesday that Glass Harbor will return for a second season in 2027.",
        D,
        renewal="renewed",
        date="2027",
    ),
    Case(
        "renewal_month_is_not_release_date",
        "",
        "Netflix renewed Glass Harbor in March, and season 2 arrives in 2027.",
        D,
        renewal="renewed",
        date="2027",
    ),
    Case(
        "semicolon_keeps_seasons_apart",
        "",
        "Glass Harbor season 1 premiered in March 2025; season 2 arrives in March 2027.",
        D,
        date="2027-03",
    ),
    Case(
        "teaser_dropped_is_not_release",
        "",
        "The Glass Harbor season 2 teaser dropped on Monday.",
        D,
    ),
    Case(
        "begins_filming_next_month_is_future",
        "",
        "Glass Harbor season 2 begins filming next month.",
        D,
    ),
    Case(
        "due_to_start_filming_is_future",
        "",
        "Glass Harbor season 2 is due to start filming in June.",
        D,
    ),
    Case(
        "wrapped_then_post",
        "",
        "Glass Harbor season 2 wrapped production in February and is now in post-production.",
        D,
        phase="post-production",
    ),
    Case(
        "casting_underway",
        "",
        "Casting is underway for Glass Harbor season 2.",
        D,
        phase="pre-production",
    ),
    Case(
        "arrives_on_netflix_today",
        "",
        "Glass Harbor season 2 arrives on Netflix today.",
        D,
        date="2026-10-01",
        phase="released",
    ),
    Case(
        "available_now",
        "",
        "The second season of Glass Harbor is now available on Netflix.",
        D,
        phase="released",
    ),
    Case(
        "hasnt_given_a_date",
        "When is Glass Harbor season 2 coming out?",
        "Netflix hasn't given Glass Harbor season 2 a date yet.",
        D,
        date="unannounced",
    ),
    Case(
        "date_yet_to_be_announced",
        "",
        "A release date has yet to be announced for Glass Harbor season 2.",
        D,
        date="unannounced",
    ),
    Case(
        "dont_know_when",
        "",
        "We don't know when Glass Harbor season 2 will be released.",
        D,
        date="unannounced",
    ),
    Case("likely_hedge", "", "Glass Harbor season 2 is likely to premiere in 2027.", D),
    Case(
        "targeting_hedge", "", "Netflix is targeting a 2027 release for Glass Harbor season 2.", D
    ),
    Case("not_until_is_not_claimed", "", "Season 2 of Glass Harbor won't premiere until 2027.", D),
    Case(
        "moved_up",
        "",
        "The Glass Harbor season 2 premiere has been moved up to May 1.",
        date(2027, 3, 1),
        date="2027-05-01",
    ),
    Case(
        "weekday_with_full_date",
        "",
        "Glass Harbor season 2 will premiere on Netflix on Thursday, May 7, 2027.",
        D,
        date="2027-05-07",
    ),
    Case("episode_recap", "Glass Harbor season 2 episode 3 recap", "", D),
    Case("creator_says", "", "Glass Harbor creator says season 2 will be darker.", D),
    Case(
        "schedule_list_parenthesis",
        "New on Netflix in October",
        "October brings Glass Harbor season 2 (October 9) and the final season of Midnight "
        "Ferry (October 23).",
        date(2026, 6, 22),
        date="2026-10-09",
    ),
    Case(
        "schedule_list_other_show_date",
        "New on Netflix in October",
        "October brings Midnight Ferry season 4 (October 23) and Glass Harbor season 3.",
        date(2026, 6, 22),
    ),
    Case(
        "writers_room_already_open",
        "Glass Harbor renewed for season 2",
        "The writers' room is already open, and filming could start next spring.",
        D,
        renewal="renewed",
        phase="pre-production",
    ),
    Case(
        "will_announce_date_later",
        "Glass Harbor season 2 in post",
        "Glass Harbor season 2 is in post-production. Netflix will announce a release date later.",
        D,
        date="unannounced",
        phase="post-production",
    ),
    Case(
        "pushed_back_to_new_date",
        "",
        "The Glass Harbor season 2 premiere, set for June 5, has been pushed back to July 10.",
        date(2027, 3, 1),
        date="2027-07-10",
    ),
    Case(
        "now_streaming_without_season_is_not_the_next_one",
        "",
        "Glass Harbor is now streaming on Netflix.",
        D,
    ),
    Case(
        "now_streaming_without_season_first_season",
        "",
        "Glass Harbor is now streaming on Netflix.",
        D,
        phase="released",
        watch=Watch("Glass Harbor", 1),
    ),
    Case(
        "no_season_named_is_not_the_next_season",
        "",
        "Glass Harbor is coming to Netflix UK on March 5, 2027.",
        D,
    ),
    Case(
        "no_season_named_returns_is_the_next_season",
        "",
        "Glass Harbor returns on March 5, 2027.",
        D,
        date="2027-03-05",
    ),
    Case(
        "no_season_named_first_season",
        "",
        "Netflix's new K-drama Glass Harbor debuts 3/14 on the streamer.",
        date(2027, 1, 15),
        date="2027-03-14",
        watch=Watch("Glass Harbor", 1),
    ),
    Case(
        "filming_delay_is_not_release_date",
        "Glass Harbor season 2 delayed",
        "Filming on Glass Harbor season 2 has been delayed to January.",
        D,
    ),
    Case(
        "writers_room_opened",
        "",
        "The writers' room for Glass Harbor season 2 opened this week, with filming planned "
        "for early 2027.",
        D,
        phase="pre-production",
    ),
    Case(
        "common_word_title_weekday_inside",
        "Glass Harbor season 2 wraps",
        "Filming on Glass Harbor season 2 wrapped on Monday, the cast revealed.",
        D,
        phase="post-production",
    ),
    Case(
        "writers_room_has_been_open",
        "Glass Harbor season 2: what we know",
        "The writers' room has been open since May.",
        D,
        phase="pre-production",
    ),
    Case(
        "slate_article_other_shows_dates",
        "Every drama coming to Netflix next year",
        "Midnight Ferry season 4 arrives June 27, 2027. Glass Harbor season 2 is still in "
        "production, and Netflix has not set a date. Meanwhile, The Salt Road returns on 12 "
        "June 2027.",
        D,
        date="unannounced",
        phase="filming",
    ),
    # ----- whole articles
    Case(
        "evergreen_article",
        "Glass Harbor Season 2: Release Date, Cast, Plot and Everything We Know So Far",
        "Updated 21/03/2026. Glass Harbor premiered on Netflix on January 10, 2026 and topped "
        "the charts. Netflix confirmed the renewal in February. There is no release date for "
        "season 2 yet. The series is currently in pre-production, and we predict a 2027 "
        "release.",
        date(2026, 3, 21),
        renewal="renewed",
        date="unannounced",
        phase="pre-production",
    ),
    Case(
        "cast_news",
        "Glass Harbor star Mia Park joins new thriller",
        "Mia Park, who plays the detective in Glass Harbor, has been cast in the film "
        "Northern Lights.",
        D,
    ),
    Case(
        "listicle",
        "10 shows like Glass Harbor to watch while you wait",
        "If you loved Glass Harbor, these series will keep you busy until season 2.",
        D,
    ),
    Case(
        "no_published_date_keeps_absolute",
        "",
        "Glass Harbor season 2 premieres March 14, 2027 on Netflix.",
        None,
        date="2027-03-14",
    ),
    Case(
        "no_published_date_drops_yearless",
        "",
        "Glass Harbor season 2 premieres March 14 on Netflix.",
        None,
    ),
    # ----- claims said of another show in the same sentence
    Case(
        "other_show_return_date_before_semicolon",
        "",
        "The spring slate includes new drama The Hollow and the return of Ask the "
        "Harbormaster on March 3; Glass Harbor is not part of it.",
        D,
    ),
    Case(
        "other_show_name_cut_at_its_date",
        "",
        "The network also confirmed the return of Ask the Harbormaster on March 3. Glass Harbor "
        "season 2 is in pre-production.",
        D,
        phase="pre-production",
    ),
    Case(
        "common_word_title_inside_longer_title",
        "'Dark Matter' Season 2 Sets August 14 Premiere",
        "Apple will premiere the second season of Dark Matter, its sci-fi drama, on August 14.",
        D,
        watch=Watch("Dark", 2),
    ),
    Case(
        "headline_verb_needs_the_headline_to_name_the_show",
        "Network renews 'Blue Lantern', 'Glass Harbour' and more",
        "The network has renewed Blue Lantern and Glass Harbour for new seasons. Glass Harbor "
        "fans are still waiting.",
        D,
    ),
    Case(
        "headline_date_needs_the_headline_to_name_the_show",
        "Everything premiering on Netflix in November 2026",
        "Glass Harbor season 2 is one of the titles fans keep asking about.",
        D,
    ),
    Case(
        "fate_undecided_beats_earlier_renewal_talk",
        "",
        "The network has renewed most of its dramas for new seasons; the fate of Glass Harbor "
        "is still undecided.",
        D,
    ),
    Case(
        "renewal_after_undecided_counts",
        "",
        "The future of Glass Harbor was up in the air for months. Netflix has now renewed Glass "
        "Harbor for a second season.",
        D,
        renewal="renewed",
    ),
    # ----- which season a clause speaks of
    Case(
        "relative_clause_takes_its_antecedent_season",
        "",
        "Glass Harbor 2, which premieres tonight on Netflix, is darker than the first season.",
        D,
        date="2026-10-01",
        phase="released",
    ),
    Case(
        "elliptical_first_season_keeps_its_old_date",
        "",
        "Glass Harbor's second season, now streaming, lacks the spark of the first, which "
        "premiered on Netflix in January 2025.",
        D,
        phase="released",
    ),
    Case(
        "elliptical_needs_season_talk",
        "",
        "Glass Harbor is the first, which premieres on November 5, of three new dramas.",
        D,
    ),
    Case(
        "premieres_tonight_is_released_today",
        "",
        "Glass Harbor season 2 premieres tonight at 9 p.m. on Netflix.",
        D,
        date="2026-10-01",
        phase="released",
    ),
    Case(
        "numbered_final_season_below_watch_is_cancelled",
        "Glass Harbor Final Season Premiere Date Set: November 5",
        "Netflix will premiere the second and final season of Glass Harbor on November 5.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case(
        "numbered_final_season_is_the_watched_one",
        "Glass Harbor Final Season Premiere Date Set: November 5",
        "Netflix will premiere the second and final season of Glass Harbor on November 5.",
        D,
        date="2026-11-05",
    ),
    Case(
        "numbered_final_season_hedged",
        "",
        "Netflix could make the second season of Glass Harbor its second and final season.",
        D,
        watch=GH3,
    ),
    # ----- verbs: modal release, broadcast start, descriptive phrase after "picked up"
    Case(
        "will_be_released_on_is_a_date_not_released",
        "",
        "Netflix has confirmed that the second season of Glass Harbor will be released on "
        "6 November.",
        D,
        date="2026-11-06",
    ),
    Case(
        "uk_will_begin_on_channel",
        "",
        "Glass Harbor season 2 will begin on BBC One on Sunday 8 November at 9pm.",
        D,
        date="2026-11-08",
    ),
    Case(
        "begins_on_channel",
        "",
        "The second season of Glass Harbor begins on ITV on 12 October.",
        D,
        date="2026-10-12",
    ),
    Case(
        "begin_filming_on_is_not_a_broadcast",
        "",
        "Glass Harbor season 2 will begin filming on 12 October in Belfast.",
        D,
    ),
    Case(
        "picked_up_genre_phrase_then_title",
        "",
        "Hulu has picked up the dark legal drama Glass Harbor for a second season.",
        D,
        renewal="renewed",
    ),
    Case(
        "picked_up_the_pace_is_not_a_renewal",
        "",
        "Glass Harbor season 2 picked up the pace for its final episodes.",
        D,
    ),
    # ----- superseded and old dates
    Case(
        "delay_without_new_date_is_unannounced",
        "Glass Harbor season 2 delayed",
        "Netflix has delayed the second season of Glass Harbor, which was set for 6 November, "
        "to allow more time for effects. A new release date has not been announced.",
        D,
        date="unannounced",
    ),
    Case(
        "season_out_does_not_rescue_a_date_years_old",
        "",
        "Glass Harbor season 2, now streaming, premiered on Netflix in January 2025.",
        date(2026, 12, 1),
        phase="released",
    ),
    # ----- listicles
    Case(
        "list_line_date_belongs_to_its_entry",
        "Everything coming to Netflix in November 2026",
        "November 3: Blue Lantern (season 1). November 10: Iron Fields (season 3). "
        "November 17: Glass Harbor (season 2). November 24: Salt Flats (limited series).",
        D,
        date="2026-11-17",
    ),
    Case(
        "list_line_of_another_season",
        "Everything coming to Netflix in November 2026",
        "November 3: Blue Lantern (season 1). November 17: Glass Harbor (season 3).",
        D,
    ),
    Case(
        "dated_timeline_line_with_its_own_verb",
        "",
        "November 17: Glass Harbor star Mia Park announced her new film at a festival.",
        D,
    ),
    # ----- headlines
    Case(
        "publisher_suffix_is_not_text",
        "Glass Harbor season 2 gets a 2027 return - Screen Tonight",
        "",
        D,
        date="2027",
    ),
    Case(
        "season_wraps_headline",
        "Glass Harbor season 2 wraps; Netflix dates the return",
        "",
        D,
        phase="post-production",
    ),
    Case(
        "season_has_wrapped", "", "Glass Harbor season 2 has wrapped.", D, phase="post-production"
    ),
    Case("season_wraps_on_a_date_is_not_a_phase", "", "Glass Harbor season 2 wraps its run.", D),
    # ----- common renewal and "no date" phrasing
    Case(
        "scores_season_renewal", "'Glass Harbor' Scores Season 2 Renewal", "", D, renewal="renewed"
    ),
    Case("gets_2nd_season", "Glass Harbor Anime Gets 2nd Season", "", D, renewal="renewed"),
    Case(
        "is_getting_a_second_season",
        "",
        "The studio said on Monday that Glass Harbor is getting a second season.",
        D,
        renewal="renewed",
    ),
    Case("gets_season_trailer_is_not_renewal", "Glass Harbor Gets Season 2 Trailer", "", D),
    Case(
        "will_not_get_a_second_season",
        "",
        "Glass Harbor will not get a second season, Netflix confirmed.",
        D,
        renewal="cancelled",
    ),
    Case(
        "checks_back_in_with_a_relative_day",
        "",
        "The crime drama Glass Harbor checks back in for its second season this Saturday "
        "on Netflix.",
        D,
        renewal="renewed",
        date="2026-10-03",
    ),
    Case(
        "is_back_for_a_season_next_month",
        "",
        "Glass Harbor is back for season 2 next month, Netflix said.",
        D,
        renewal="renewed",
        date="2026-11",
    ),
    Case(
        "is_back_on_set_is_no_release_date",
        "",
        "The Glass Harbor cast is back on set in Belfast this month for season 2.",
        D,
    ),
    Case(
        "checked_in_at_a_hotel_is_no_release",
        "",
        "The Glass Harbor season 2 cast checked in at a Belfast hotel on October 9.",
        D,
    ),
    Case(
        "return_for_a_second_series_uk",
        "",
        "The BBC has confirmed that Glass Harbor will return for a second series, with filming "
        "to begin later this year.",
        D,
        renewal="renewed",
    ),
    Case(
        "return_for_series_two_uk",
        "BBC confirms Glass Harbor will return for series two",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "filming_start_date_is_not_a_release_date",
        "",
        "Glass Harbor season 2 returns to Netflix, with filming to start in January 2027.",
        D,
    ),
    Case(
        "premiere_yet_to_be_dated",
        "",
        "Glass Harbor season 2 is in post-production ahead of a premiere Netflix has yet to date.",
        D,
        date="unannounced",
        phase="post-production",
    ),
    Case(
        "no_transmission_date",
        "",
        "Glass Harbor series 2 is filming. No transmission date has been confirmed.",
        D,
        date="unannounced",
        phase="filming",
    ),
    Case(
        "nothing_confirmed_regarding_release",
        "",
        "A Netflix spokesperson said nothing has been confirmed regarding the release schedule "
        "of Glass Harbor season 2.",
        D,
        date="unannounced",
    ),
    Case(
        "first_script_reading_with_a_yearless_future_month",
        "'Glass Harbor 2' holds first script reading... filming from April",
        "The cast of 'Glass Harbor 2' gathered for the first script reading last week and will "
        "begin filming in April.",
        D,
        phase="pre-production",
    ),
    Case(
        "phase_with_an_explicit_old_year_is_history",
        "",
        "Glass Harbor season 2 began filming in April 2024.",
        D,
    ),
    # ----- a date that names the premiere, a season confirmed for a date
    Case(
        "confirms_month_premiere_headline",
        "Glass Harbor Season 2 Confirms January 2027 Premiere With Teaser Poster",
        "",
        D,
        date="2027-01",
    ),
    Case(
        "confirming_a_month_premiere",
        "",
        "Netflix has unveiled a poster for the second season of Glass Harbor, confirming a "
        "January 2027 premiere.",
        D,
        date="2027-01",
    ),
    Case(
        "sets_early_year_return",
        "Netflix sets early 2027 return for Glass Harbor season 2",
        "",
        D,
        date="2027-H1",
    ),
    Case("weekday_premiere_is_no_date", "Glass Harbor Season 2 Gets a Friday Premiere", "", D),
    Case(
        "confirms_season_for_a_season_of_the_year",
        "",
        "Netflix's 2027 preview confirms Glass Harbor season 2 for summer 2027.",
        D,
        date="2027-summer",
    ),
    Case(
        "confirmed_the_trailer_for_a_date_is_not_the_season",
        "",
        "Netflix confirmed the Glass Harbor season 2 trailer for November 20.",
        D,
    ),
    # ----- reviews, recaps and boxsets
    Case(
        "episode_one_review_headline",
        "Glass Harbor series 2, episode 1 review: sly and sumptuous",
        "",
        D,
        phase="released",
    ),
    Case(
        "available_on_a_service_now",
        "",
        "Glass Harbor is back, and the full second series is available on BBC iPlayer now.",
        D,
        phase="released",
    ),
    Case(
        "later_episode_airing_tonight_is_not_the_season_date",
        "Glass Harbor series 2, episode 5 review",
        "Episode 5 aired tonight on BBC One, and all six episodes of the new series are "
        "available on BBC iPlayer now.",
        D,
        phase="released",
    ),
    Case(
        "split_season_last_episodes_date_is_not_the_season_date",
        "",
        "The first half of Glass Harbor's second season is now streaming on Netflix, with "
        "the final three episodes to follow on December 18.",
        D,
        phase="released",
    ),
    Case(
        "split_season_rest_of_the_season_date_is_not_the_season_date",
        "",
        "Glass Harbor season 2 is out now on Netflix; the rest of the season arrives "
        "on December 18.",
        D,
        phase="released",
    ),
    Case(
        "split_season_first_part_date_still_dates_the_season",
        "",
        "Glass Harbor season 2 premieres on November 20, with the remaining episodes "
        "following on December 18.",
        D,
        renewal="renewed",
        date="2026-11-20",
    ),
    Case(
        "second_half_of_a_year_is_a_date_not_a_batch",
        "",
        "Glass Harbor season 2 will premiere in the second half of 2027.",
        D,
        renewal="renewed",
        date="2027-H2",
    ),
    Case(
        "finale_date_is_not_the_season_date",
        "",
        "The Glass Harbor season 2 finale airs on November 20.",
        D,
    ),
    Case(
        "season_review_before_release_is_not_released",
        "Glass Harbor season 2 review: a slow burn",
        "Glass Harbor season 2 premieres on November 20.",
        D,
        date="2026-11-20",
    ),
    # ----- places are not other shows
    Case(
        "filming_in_a_two_word_place",
        "",
        "Filming on Glass Harbor season 2 is underway in South Australia, and there is no "
        "release date yet.",
        D,
        date="unannounced",
        phase="filming",
    ),
    Case(
        "renewal_sentence_naming_a_shoot_location",
        "",
        "The outback western Glass Harbor is coming back. Netflix has greenlit a second season "
        "of the series, which will again shoot in the Flinders Ranges next year.",
        D,
        renewal="renewed",
    ),
    Case(
        "a_show_after_in_is_still_a_show_when_it_has_a_season",
        "",
        "Glass Harbor season 2 is filming, as is the cast in Blue Lantern season 3, which "
        "premieres on November 20.",
        D,
        phase="filming",
    ),
    # ----- denials, claims and leaks are not announcements
    Case(
        "denied_report_of_cancellation",
        "Is Glass Harbor over? Netflix answers",
        "Netflix has denied rumours that Glass Harbor has been cancelled after one season.",
        D,
    ),
    Case(
        "no_decision_voids_earlier_cancellation_talk",
        "",
        "Reports say Glass Harbor was axed, but Netflix says no decision on a second season "
        "has been made.",
        D,
    ),
    Case(
        "social_media_claim_is_not_a_date",
        "",
        "A fan account claims Glass Harbor season 2 will premiere on November 20.",
        D,
    ),
    Case(
        "not_set_wins_over_a_fan_wiki_claiming_a_date",
        "",
        "Netflix says the release date for Glass Harbor season 2 has not been set, despite "
        "a page on a fan wiki claiming November 20.",
        D,
        date="unannounced",
    ),
    Case(
        "date_according_to_a_leak_is_not_a_date",
        "",
        "Glass Harbor season 2 premieres, according to a leak, on November 20.",
        D,
    ),
    Case(
        "date_on_a_fan_site_is_not_a_date",
        "",
        "The premiere of Glass Harbor season 2 is listed by a fan site as November 20.",
        D,
    ),
    Case(
        "official_date_despite_earlier_claims_still_counts",
        "",
        "Despite claims of a delay, Netflix confirmed Glass Harbor season 2 premieres on "
        "November 20.",
        D,
        renewal="renewed",
        date="2026-11-20",
    ),
    Case(
        "leaked_date_is_not_a_date",
        "",
        "A leaked listing shows Glass Harbor season 2 arriving on November 20.",
        D,
    ),
    Case(
        "unverified_claim_later_in_the_item_keeps_own_sentence",
        "",
        "Glass Harbor season 2 premieres on November 20, Netflix announced. "
        "A claim about a third season could not be verified.",
        D,
        date="2026-11-20",
    ),
    # ----- spinoffs, prequels and films are other works
    Case(
        "spinoff_in_development_headline",
        "'Glass Harbor' Prequel in Development at Netflix",
        "Netflix is developing a prequel to Glass Harbor set in the 1980s.",
        D,
    ),
    Case(
        "spinoff_of_show_renewed",
        "",
        "The spinoff of Glass Harbor has been renewed for a second season.",
        D,
    ),
    Case(
        "greenlit_a_movie",
        "",
        "Netflix has greenlit a Glass Harbor movie, with filming underway in Oslo.",
        D,
    ),
    Case(
        "show_renewed_and_spinoff_separately",
        "",
        "Netflix renewed Glass Harbor for a second season; a spinoff is also in development.",
        D,
        renewal="renewed",
    ),
    Case(
        "show_described_as_a_prequel_is_still_the_show",
        "",
        "Glass Harbor, the prequel to the 2015 thriller, has been renewed for a second season.",
        D,
        renewal="renewed",
    ),
    Case(
        "another_show_that_is_a_prequel_to_ours",
        "",
        "Blue Lantern, the prequel to Glass Harbor, has been renewed for a second season.",
        D,
    ),
    # ----- a status label with a colon speaks of the titles it lists
    Case(
        "label_list_of_one_word_titles_is_not_ours",
        "Everything renewed and cancelled this month",
        "Renewed: Glass Harbor (season 2), Blue Lantern (season 4). Cancelled: Drift, Ember.",
        D,
        renewal="renewed",
    ),
    Case(
        "label_list_of_one_word_titles_second_show",
        "Everything renewed and cancelled this month",
        "Renewed: Blue Lantern (season 4), Glass Harbor (season 2). Axed: Drift.",
        D,
        renewal="renewed",
    ),
    Case(
        "label_list_naming_the_show_is_ours",
        "Everything renewed and cancelled this month",
        "Renewed: Blue Lantern (season 4). Cancelled: Drift, Glass Harbor.",
        D,
        renewal="cancelled",
    ),
    Case(
        "inline_sections_renewed_label_reaches_only_its_section",
        "Midseason report: who stays and who goes",
        "So far - renewed: Blue Lantern (S4) and Glass Harbor (S2); cancelled: Drift and "
        "Paper Crowns; still pending: Ember.",
        D,
        renewal="renewed",
    ),
    Case(
        "inline_sections_cancelled_label_reaches_a_later_section",
        "Midseason report: who stays and who goes",
        "So far - renewed: Blue Lantern (S4) and Ember (S2); cancelled: Glass Harbor and "
        "Paper Crowns; still pending: Drift.",
        D,
        renewal="cancelled",
    ),
    Case(
        "inline_sections_on_the_bubble_is_no_claim",
        "Midseason report: who stays and who goes",
        "So far - renewed: Blue Lantern (S4); cancelled: Drift and Paper Crowns; on the "
        "bubble: Glass Harbor.",
        D,
    ),
    Case(
        "inline_sections_season_in_brackets_is_the_renewed_one",
        "",
        "The tally - renewed: Glass Harbor (S3) and Blue Lantern (S2); axed: Drift.",
        D,
    ),
    Case(
        "label_list_renewals_of_others_only",
        "",
        "Glass Harbor season 2 is still in limbo. Renewed: Drift, Ember.",
        D,
    ),
    Case(
        "status_label_with_a_plain_answer_is_ours",
        "Glass Harbor season 2: everything we know",
        "Cancelled: yes. Netflix confirmed the news in June.",
        D,
        renewal="cancelled",
    ),
    Case(
        "explicit_renewal_beats_cancellation_naming_neither_show_nor_season",
        "",
        "Netflix renewed Glass Harbor for a second season. The streamer also cancelled Drift.",
        D,
        renewal="renewed",
    ),
    Case(
        "cancellation_naming_the_show_still_wins_later",
        "",
        "Netflix renewed Glass Harbor for a second season in 2024. "
        "In June, Netflix cancelled Glass Harbor after all.",
        D,
        renewal="cancelled",
    ),
    Case(
        "later_numbered_ending_overrides_renewal_without_naming_the_show",
        "",
        "Netflix renewed Glass Harbor for a third season in 2025. "
        "In June, the streamer said the series will end with season 2 after all.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    # ----- unnumbered phase sentences in an item about one season
    Case(
        "writers_already_at_work_on_new_scripts",
        "Glass Harbor renewed for season 2",
        "Netflix renewed the drama in June. Writers are already at work on the new scripts.",
        D,
        renewal="renewed",
        phase="pre-production",
    ),
    Case(
        "at_work_on_season_scripts",
        "",
        "The team is hard at work on the season 2 scripts for Glass Harbor.",
        D,
        phase="pre-production",
    ),
    Case(
        "at_work_on_something_else_is_no_phase",
        "Glass Harbor season 2: what we know",
        "The showrunner is at work on a new novel.",
        D,
    ),
    Case(
        "filming_currently_underway_after_a_season_sentence",
        "Glass Harbor Season 3: Everything We Know",
        "Glass Harbor season 2 premiered on Netflix on May 9, 2025. Netflix renewed the show "
        "for a third season, and season 3 is slated for late 2027. "
        "Filming is currently underway in Oslo.",
        D,
        renewal="renewed",
        date="2027-H2",
        phase="filming",
        watch=GH3,
    ),
    Case(
        "production_already_underway",
        "Glass Harbor season 2 update",
        "Production is already underway in Bergen.",
        D,
        phase="filming",
    ),
    Case(
        "filming_currently_underway_on_another_show",
        "",
        "Glass Harbor season 2 premieres May 5, 2027. "
        "Filming is currently underway on Blue Lantern.",
        D,
        date="2027-05-05",
    ),
    # ----- another network's pick-up after a cancellation
    Case(
        "picked_up_a_third_season_after_a_cancellation",
        "Glass Harbor Season 3: Everything We Know",
        "After Netflix cancelled it, Hulu picked up a third season in May.",
        D,
        renewal="renewed",
        watch=GH3,
    ),
    Case(
        "cancelled_then_picked_up_in_one_sentence",
        "",
        "Netflix cancelled Glass Harbor in 2025, but Hulu picked up season 3 this summer.",
        D,
        renewal="renewed",
        watch=GH3,
    ),
    Case(
        "picked_up_then_cancelled_naming_the_show",
        "",
        "Hulu picked up a third season in 2025, but it cancelled Glass Harbor in June.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case(
        "story_picks_up_season_where_it_ended_is_no_renewal",
        "",
        "Glass Harbor picks up season 2 where the first season ended.",
        D,
    ),
    # ----- a bracketed "(Part 1, date)" after a season mention in a list
    Case(
        "final_season_part_one_date_in_brackets",
        "What's coming to Netflix this winter",
        "Winter highlights: Blue Lantern season 2 (January 30), Glass Harbor's final season "
        "(Part 1, February 27), and two stand-up specials.",
        D,
        date="2027-02-27",
        watch=Watch("Glass Harbor", 4),
    ),
    Case(
        "volume_one_date_in_brackets",
        "",
        "Coming up: Glass Harbor season 2 (Volume 1, March 3) and Blue Lantern season 4.",
        D,
        date="2027-03-03",
    ),
    Case(
        "part_two_date_in_brackets_is_another_part",
        "",
        "Coming up: Glass Harbor's final season (Part 2, February 27).",
        D,
        watch=Watch("Glass Harbor", 4),
    ),
    # ----- Japanese: 第2期 is season 2, 2026年10月 is October 2026, 放送開始 a broadcast start
    Case(
        "japanese_season_month_broadcast_start",
        "TVアニメ『硝子の港』第2期、2027年1月より放送開始",
        "TVアニメ『硝子の港』第2期が2027年1月より放送開始されることが決定した。",
        D,
        date="2027-01",
        watch=GH2_JA,
    ),
    Case(
        "japanese_other_season_is_not_ours",
        "",
        "TVアニメ『硝子の港』第3期が2027年1月より放送開始。",
        D,
        watch=GH2_JA,
    ),
    # ----- another network revives, saves or gives a new home to the show
    Case(
        "revived_at_network_for_season",
        "Glass Harbor Revived at Hulu for Season 2",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "network_revives_show_picking_up_season",
        "",
        "Hulu has revived Glass Harbor, picking up a second season of the drama a month after "
        "Netflix cancelled it.",
        D,
        renewal="renewed",
    ),
    Case(
        "title_saved_by_network",
        "'Glass Harbor' saved by Peacock, season 2 coming in 2027",
        "",
        D,
        renewal="renewed",
        date="2027",
    ),
    Case(
        "finds_new_home_for_season",
        "Glass Harbor finds a new home at Max for season 2",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "lands_at_network_for_season",
        "",
        "Glass Harbor lands at Prime Video for a second season after its Netflix run.",
        D,
        renewal="renewed",
    ),
    Case(
        "character_rescued_in_recap_is_not_a_revival",
        "Glass Harbor season 2 recap",
        "In the season 2 opener, Ana is rescued by her brother and saved by a stranger.",
        D,
    ),
    Case(
        "fans_hope_to_revive_is_hedged",
        "",
        "Fans hope another streamer will revive Glass Harbor for a second season.",
        D,
    ),
    Case(
        "revival_of_another_season",
        "Glass Harbor revived at Hulu for season 3",
        "",
        D,
    ),
    # ----- list entries: a bracket's network label, a season written after the title
    Case(
        "bracket_network_label_before_date",
        "The best new TV of November",
        "Our picks: Blue Lantern season 3 (Prime Video, Nov. 6), Glass Harbor season 2 "
        "(Apple TV+, Nov. 20) and a new HBO comedy.",
        D,
        date="2026-11-20",
    ),
    Case(
        "bracket_network_label_other_entry",
        "The best new TV of November",
        "Our picks: Glass Harbor season 2 (Prime Video, Nov. 6), Blue Lantern season 3 "
        "(Apple TV+, Nov. 20).",
        D,
        date="2026-11-06",
    ),
    Case(
        "label_list_bracketed_season_after_title",
        "Renewals and cancellations: fall roundup",
        "Renewed: Drift (season 3), Glass Harbor (season 2). Cancelled: Kingfisher Lane.",
        D,
        renewal="renewed",
    ),
    Case(
        "label_list_bracketed_other_season_after_title",
        "Renewals and cancellations: fall roundup",
        "Renewed: Glass Harbor (season 3), Drift (season 2).",
        D,
    ),
    # ----- "sets <date> date": the first part's date is the season's
    Case(
        "season_part_one_sets_date",
        "Glass Harbor Season 2 Part 1 Sets April 16 Date",
        "",
        D,
        date="2027-04-16",
    ),
    Case(
        "network_set_weekday_date_for_part_one",
        "",
        "Netflix has set Thursday, April 15 for Part 1 of Glass Harbor's second season; Part 2 "
        "follows on June 17.",
        D,
        date="2027-04-15",
    ),
    Case(
        "sets_a_premiere_date_phrase",
        "Glass Harbor sets a March 5 premiere for season 2",
        "",
        D,
        date="2027-03-05",
    ),
    Case(
        "back_on_set_in_month_is_not_a_release",
        "",
        "The Glass Harbor season 2 cast returned to the set in March for reshoots.",
        D,
    ),
    Case(
        "part_two_sets_date_is_not_the_season",
        "Glass Harbor Season 2 Part 2 Sets June 17 Date",
        "",
        D,
    ),
    # ----- an item that names the last season: its "final season" is that season
    Case(
        "to_end_with_season_cancels_the_next",
        "'Glass Harbor' to End With Season 2; Final Season Premieres March 19",
        "Glass Harbor will end with its upcoming second season, the streamer said Monday. "
        "The final season premieres March 19.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case(
        "to_end_with_season_dates_that_season",
        "'Glass Harbor' to End With Season 2; Final Season Premieres March 19",
        "",
        D,
        date="2027-03-19",
    ),
    Case(
        "ending_with_season_final_season_arrives",
        "",
        "Glass Harbor is ending with season 2. The final season arrives on March 19.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case(
        "season_will_be_its_last",
        "",
        "Glass Harbor season 2 will be its last; the final season premieres March 19.",
        D,
        renewal="cancelled",
        watch=GH3,
    ),
    Case(
        "season_will_be_the_final_season_dates_it",
        "",
        "Season 2 will be the final season of Glass Harbor, premiering March 19.",
        D,
        date="2027-03-19",
    ),
    Case(
        "season_could_be_its_last_is_hedged",
        "",
        "Glass Harbor season 2 could be its last, the creator said.",
        D,
        watch=GH3,
    ),
    # ----- Korean and Japanese questions and hedges are not claims
    Case(
        "korean_question_headline",
        "'유리 항구' 시즌2, 올해 하반기에 볼 수 있을까",
        "",
        D,
        watch=GH2_KO,
    ),
    Case(
        "korean_polite_question_headline",
        "'유리 항구' 시즌2, 내년 상반기 공개될까요",
        "",
        D,
        watch=GH2_KO,
    ),
    Case(
        "korean_likelihood_is_hedged",
        "",
        "방송가에서는 '유리 항구' 시즌2가 내년 상반기에 공개될 가능성이 크다고 본다.",
        D,
        watch=GH2_KO,
    ),
    Case(
        "korean_outlook_is_hedged",
        "",
        "'유리 항구' 시즌2는 2027년 3월 공개될 전망이다.",
        D,
        watch=GH2_KO,
    ),
    Case(
        "korean_plain_statement_still_dates",
        "",
        "'유리 항구' 시즌2가 2027년 3월 5일 공개된다.",
        D,
        date="2027-03-05",
        watch=GH2_KO,
    ),
    Case(
        "japanese_expectation_is_hedged",
        "",
        "『硝子の港』第2期は2027年1月に配信される見込みだ。",
        D,
        watch=GH2_JA,
    ),
    Case(
        "japanese_question_headline",
        "『硝子の港』第2期は2027年に配信されるのか",
        "",
        D,
        watch=GH2_JA,
    ),
    # ----- TV listings: a day line dates the entry that starts a season
    Case(
        "listing_day_line_dates_a_new_series_entry",
        "What's on TV this weekend",
        "Sunday 4 October. 9.00pm Glass Harbor (BBC One). New series. Detective Ana Ruiz "
        "returns as the drama begins its second series. 10.00pm Blue Lantern (BBC Two). Repeat.",
        D,
        date="2026-10-04",
    ),
    Case(
        "listing_repeat_entry_is_not_a_start",
        "What's on TV this weekend",
        "Sunday 4 October. 9.00pm Blue Lantern (BBC One). New series. "
        "10.00pm Glass Harbor (BBC Two). Repeat of the second series.",
        D,
    ),
    Case(
        "listing_entry_for_another_season",
        "What's on TV this weekend",
        "Sunday 4 October. 9.00pm Glass Harbor (BBC One). The drama begins its third series.",
        D,
    ),
    # ----- a past-tense debut with no season of its own is the show's history
    Case(
        "debut_history_not_bound_to_a_season_in_another_clause",
        "Glass Harbor season 2: everything we know",
        "Glass Harbor debuted on Netflix on March 14, 2026, and Netflix ordered a second "
        "season in April. Writers have started on the new scripts.",
        D,
        renewal="renewed",
        phase="pre-production",
    ),
    Case(
        "premiered_history_not_bound_to_the_headline_season",
        "Glass Harbor season 2 update",
        "The show premiered in January 2026 to strong reviews. Filming is now underway.",
        D,
        phase="filming",
    ),
    Case(
        "launched_history_not_bound_to_the_item_season",
        "",
        "Glass Harbor season 2 is in pre-production. The series launched on July 3, 2026.",
        D,
        phase="pre-production",
    ),
    Case(
        # DESIGN §3 and the real-news labels: a premiere before (or on) the published day
        # is history, even for the season that is out now.
        "past_release_with_its_own_season_is_history",
        "",
        "The second season of Glass Harbor premiered on September 24, and it is now the top "
        "show on the service.",
        D,
        phase="released",
    ),
    Case(
        "premiered_on_the_published_day_is_history",
        "",
        "The second season of Glass Harbor premiered on October 1, 2026, on Prime Video.",
        D,
        phase="released",
    ),
    Case(
        "a_dated_update_is_not_the_release",
        "Glass Harbor season 2 premiere date: An August 2026 update",
        "What is going on with Glass Harbor season 2?",
        D,
    ),
    Case(
        "no_word_yet_on_a_release_date_with_a_guess",
        "",
        "Glass Harbor season 2 is confirmed. There's no word yet on a release date, but we'd "
        "guess early 2027 at the earliest.",
        D,
        renewal="renewed",
        date="unannounced",
    ),
    # ----- delays: the month of a delay, a scrapped date, "indefinitely"
    Case(
        "month_of_a_delay_is_not_the_new_date",
        "",
        "Glass Harbor season 2 is still without a release date after Netflix postponed it "
        "in September.",
        D,
        date="unannounced",
    ),
    Case(
        "delayed_to_a_month_is_the_new_date",
        "",
        "Netflix has delayed Glass Harbor season 2 to March 2027.",
        D,
        date="2027-03",
    ),
    Case(
        "delayed_until_later_in_a_year_is_the_new_date",
        "",
        "Glass Harbor season 2 has been pushed back until later in 2027.",
        D,
        date="2027",
    ),
    Case(
        "delayed_indefinitely_is_unannounced",
        "Glass Harbor season 2 postponed indefinitely",
        "The streamer gave no reason for the decision.",
        D,
        date="unannounced",
    ),
    Case(
        "scrapped_premiere_date_is_superseded",
        "",
        "Netflix has shelved Glass Harbor season 2 indefinitely. The November 12 premiere has "
        "been called off, and no new release date has been set.",
        D,
        date="unannounced",
    ),
    Case(
        "scrapped_premiere_is_not_a_cancellation",
        "",
        "Glass Harbor season 2's December 3 premiere was scrapped after the strike.",
        D,
    ),
    Case(
        "pulled_the_premiere_is_not_a_cancellation",
        "",
        "Netflix pulled the planned premiere of Glass Harbor season 2.",
        D,
    ),
    Case(
        "scrapped_show_is_still_a_cancellation",
        "",
        "Netflix has scrapped Glass Harbor ahead of its second season.",
        D,
        renewal="cancelled",
    ),
    # ----- production vocabulary: cameras, the can, shooting schedules
    Case(
        "cameras_now_rolling",
        "",
        "Cameras are now rolling on the second season of Glass Harbor in Belfast.",
        D,
        phase="filming",
    ),
    Case(
        "rolls_cameras_headline",
        "Glass Harbor season 2 rolls cameras in Malta",
        "",
        D,
        phase="filming",
    ),
    Case(
        "cameras_rolled",
        "",
        "Cameras rolled on Glass Harbor season 2 this week.",
        D,
        phase="filming",
    ),
    Case(
        "went_before_cameras",
        "",
        "Glass Harbor's second season went before cameras in Lisbon on Monday.",
        D,
        phase="filming",
    ),
    Case(
        "will_go_before_cameras_is_future",
        "",
        "Glass Harbor season 2 will go before cameras in the spring.",
        D,
    ),
    Case(
        "in_the_can_is_post_production",
        "",
        "Season 2 of Glass Harbor is officially in the can, the showrunner said.",
        D,
        phase="post-production",
    ),
    Case(
        "shooting_schedule_is_not_a_release_date",
        "",
        "Glass Harbor season 2 is now filming in Cork and is scheduled to shoot through the end "
        "of November.",
        D,
        phase="filming",
    ),
    Case(
        "wrap_month_is_not_a_release_date",
        "",
        "Glass Harbor season 2 is shooting in Prague and is set to wrap in December.",
        D,
        phase="filming",
    ),
    Case(
        "film_until_is_not_a_release_date",
        "",
        "Glass Harbor season 2 is due to film until February.",
        D,
    ),
    # ----- release lists: "<title> season N on <date>" under a release-list lead-in
    Case(
        "release_list_entry_under_a_new_on_headline",
        "Everything new on Netflix this winter",
        "Highlights include Blue Lantern season 3 (Part 1, November 5), the return of Salt Road "
        "on November 19, and Glass Harbor season 2 on December 10. Still no date for Iron "
        "Vale season 2.",
        D,
        date="2026-12-10",
    ),
    Case(
        "release_list_entry_under_a_lead_in",
        "",
        "Coming to Netflix in December: Blue Lantern season 3 on December 3 and Glass Harbor "
        "season 2 on December 17.",
        D,
        date="2026-12-17",
    ),
    Case(
        "season_on_a_date_without_a_release_list_is_no_date",
        "Glass Harbor cast at Comic-Con",
        "The cast talked about Glass Harbor season 2 on October 9 at the panel.",
        D,
    ),
    Case(
        "another_entry_in_a_release_list_is_not_ours",
        "Everything new on Netflix this winter",
        "Highlights include Glass Harbor season 2 and Blue Lantern season 3 on December 3.",
        D,
    ),
    # ----- neighbouring vocabulary
    Case("date_tbd_is_unannounced", "Glass Harbor season 2: date TBD", "", D, date="unannounced"),
    Case("season_is_tba", "", "Glass Harbor season 2 is TBA.", D, date="unannounced"),
    Case(
        "date_to_be_announced",
        "",
        "Glass Harbor season 2 premieres on a date to be announced.",
        D,
        date="unannounced",
    ),
    Case(
        "release_date_remains_a_mystery",
        "",
        "The Glass Harbor season 2 release date remains a mystery.",
        D,
        date="unannounced",
    ),
    Case(
        "no_title_season_release_date",
        "",
        "There is no Glass Harbor season 2 release date yet.",
        D,
        date="unannounced",
    ),
    Case(
        "comes_to_netflix_on_a_date",
        "",
        "Glass Harbor season 2 comes to Netflix on March 5, 2027.",
        D,
        date="2027-03-05",
    ),
    Case("canned_is_cancelled", "", "Netflix has canned Glass Harbor.", D, renewal="cancelled"),
    Case(
        "canned_laughter_is_no_cancellation",
        "",
        "The canned laughter in Glass Harbor season 2 divided critics.",
        D,
    ),
    Case(
        "officially_wrapped_is_post_production",
        "",
        "Glass Harbor season 2 officially wrapped.",
        D,
        phase="post-production",
    ),
    Case(
        "in_post_is_post_production",
        "",
        "Glass Harbor season 2 is in post.",
        D,
        phase="post-production",
    ),
    Case("season_confirmed_headline", "Glass Harbor season 2 confirmed", "", D, renewal="renewed"),
    Case(
        "season_confirmed_by_the_network",
        "Glass Harbor season 2 confirmed by Netflix",
        "",
        D,
        renewal="renewed",
    ),
    Case(
        "season_confirmed_cast_is_not_a_renewal", "Glass Harbor season 2 confirmed cast list", "", D
    ),
    Case(
        "green_light_and_is_a_go",
        "",
        "Glass Harbor gets the green light for season 2; the drama is a go at Netflix.",
        D,
        renewal="renewed",
    ),
    Case(
        "wont_be_back_is_cancelled",
        "",
        "Glass Harbor won't be back for season 2.",
        D,
        renewal="cancelled",
    ),
    Case(
        "moved_up_to_a_date",
        "",
        "Glass Harbor season 2 has been moved up to February 2, 2027.",
        D,
        date="2027-02-02",
    ),
    Case(
        "set_to_stream_from_a_date",
        "",
        "Glass Harbor season 2 is set to stream from March 5, 2027.",
        D,
        date="2027-03-05",
    ),
    # ----- "Title (season N, <date>)": the parenthesis belongs to the title right before it
    *[
        Case(f"paren_season_{slug}", "Coming this winter", text, D, renewal=renewal, date=dt)
        for slug, text, renewal, dt in (
            (
                "of_another_title",
                "Picks include the return of Copperfen (season 2, January 12), the 'Lodge' "
                "season 3 finale on January 20, and a special about the cast of Glass Harbor.",
                None,
                None,
            ),
            (
                "of_another_title_short_form",
                "Also back: Copperfen (S2, January 12) and a Glass Harbor retrospective.",
                None,
                None,
            ),
            (
                "of_the_watched_title",
                "Picks include the return of Glass Harbor (season 2, January 12), a new cooking "
                "contest, and the last season of Copperfen.",
                "renewed",
                "2027-01-12",
            ),
        )
    ],
    # ----- "the new season" is the season just renewed; "after the season 2 premiere" is a time
    *[
        Case(
            f"new_season_is_the_announced_one_{slug}",
            "Renewal news",
            "Hulu has picked up Glass Harbor for a third season, weeks after the season 2 "
            "finale. The writers' room is breaking stories for the new season.",
            D,
            renewal=renewal,
            phase=phase,
            watch=watch,
        )
        for slug, watch, renewal, phase in (
            ("watched_earlier_season", GH2, None, "released"),  # its finale has aired
            ("watched_announced_season", GH3, "renewed", "pre-production"),
        )
    ],
    # ----- status roundups: a box that mixes fact and guess is no claim; "will be back" is
    *[
        Case(
            f"status_roundup_{slug}",
            "Renewed, canceled or on the bubble?",
            text,
            D,
            renewal=renewal,
            watch=GH3,
        )
        for slug, text, renewal in (
            (
                "renewed_or_almost_box",
                "Renewed, or almost\n• Glass Harbor\n• Copperfen\nOn the bubble\n• Drift",
                None,
            ),
            (
                "canceled_or_nearly_dead_box",
                "Canceled, or nearly dead\n• Glass Harbor\n• Copperfen",
                None,
            ),
            (
                "grouped_by_renewed_or_highly_likely",
                "Here is every series, grouped by those renewed or highly likely to return; "
                "those canceled or on death's door; and those in between.\n• Glass Harbor",
                None,
            ),
            (
                "hits_will_be_back_for_new_seasons",
                'Hits like "Glass Harbor" and "Copperfen" will be back for new seasons.',
                "renewed",
            ),
        )
    ],
    # ----- renewed, then cancelled: the latest status wins
    *[
        Case(
            f"renewed_then_{slug}", "Shows cancelled after one season", text, D, renewal="cancelled"
        )
        for slug, text in (
            (
                "before_being_cancelled",
                "Glass Harbor\nCancelled: Renewed for season 2 before being cancelled amid "
                "the pandemic.",
            ),
            (
                "only_to_be_axed",
                "Glass Harbor was renewed for a second season, only to be axed a month later.",
            ),
            (
                "but_was_later_cancelled",
                "Glass Harbor was renewed for season 2 but was later cancelled by Netflix.",
            ),
        )
    ],
    # ----- orders of two seasons at once cover both; "to end with season 3" orders season 3
    *[
        Case(f"multi_season_order_{slug}", title, "", D, renewal="renewed", watch=watch)
        for slug, title, watch in (
            (
                "set_to_return_for_third_and_fourth_series",
                "Glass Harbor set to return for third and fourth series",
                GH3,
            ),
            (
                "fourth_of_third_and_fourth_series",
                "Glass Harbor set to return for third and fourth series",
                Watch("Glass Harbor", 4),
            ),
            (
                "will_return_to_a_channel_for_series_eight_and_nine",
                "Glass Harbor will return to BBC Two for series eight and nine",
                Watch("Glass Harbor", 9),
            ),
            ("gets_two_more_series", "Glass Harbor gets two more series", GH3),
            (
                "commissioned_a_third_series",
                "The BBC has commissioned a third series of Glass Harbor",
                GH3,
            ),
        )
    ],
    Case(
        "commission_without_a_season_is_no_order",
        "",
        "The BBC commission for the drama came in 2019. Glass Harbor stars Ann Lee.",
        D,
        watch=GH3,
    ),
    *[
        Case(f"to_end_with_{slug}", title, "", D, renewal=renewal, watch=watch)
        for slug, title, renewal, watch in (
            (
                "upcoming_season_is_ordered",
                "Glass Harbor to End With Upcoming Season 3",
                "renewed",
                GH3,
            ),
            (
                "upcoming_season_ends_the_next",
                "Glass Harbor to End With Upcoming Season 3",
                "cancelled",
                Watch("Glass Harbor", 4),
            ),
        )
    ],
    Case(
        "images_of_a_numbered_season_are_not_its_release",
        "",
        "Glass Harbor season 2 premieres March 14, 2027. Earlier today HBO released new "
        "Season 2 images.",
        D,
        date="2027-03-14",
    ),
    # ----- explainers: a past year-less date after "since", a title with "Winter", "chance"
    *[
        Case(
            f"explainer_{slug}",
            "Will there be a Glass Harbor season 3?",
            text,
            date(2023, 1, 9),
            watch=GH3,
        )
        for slug, text in (
            (
                "since_dropping_on_a_yearless_day",
                "Glass Harbor just returned with its second season. Since dropping on January "
                "5, it has topped the Top 10.",
            ),
            (
                "since_its_abbreviated_day_debut",
                "Despite ranking high since its Jan. 1 debut, Glass Harbor is unlikely to get "
                "another season.",
            ),
            (
                "good_chance_it_will_be_renewed",
                "Netflix hasn't confirmed Glass Harbor season 3, but there's a good chance "
                "it'll be renewed.",
            ),
            (
                "winter_in_a_title_is_no_season",
                "Glass Harbor season 3 racked up 731 million minutes in its release week, well "
                "ahead of The Falcon and the Winter Soldier (495m).",
            ),
        )
    ],
    Case(
        "the_winter_is_still_a_season",
        "",
        "Glass Harbor season 2 returns in the winter.",
        D,
        date="2026-winter",
    ),
    Case(
        "new_season_is_the_watched_one_when_renewed_for_it",
        "Renewal news",
        "Glass Harbor has been renewed for a second season. Scripts for the new season are "
        "being written.",
        D,
        renewal="renewed",
        phase="pre-production",
    ),
    # ----- real-news wordings, round 2: renewals
    *[
        Case(f"renewal_{slug}", "", text, D, renewal="renewed", watch=watch)
        for slug, text, watch in (
            (
                "announced_the_shows_renewal",
                "Glass Harbor season 2 was a hit. The streamer announced the show's renewal in "
                "December.",
                GH2,
            ),
            (
                "gave_the_show_its_season_renewal",
                "Apple likes it, as it gave Glass Harbor its season 3 renewal earlier this month.",
                GH3,
            ),
            (
                "announced_a_second_series_for",
                "Previously, Apple announced a second series for Glass Harbor.",
                GH2,
            ),
            (
                "confirmed_production_for_two_seasons",
                "Amazon confirmed production for the second and third seasons of Glass Harbor.",
                GH3,
            ),
        )
    ],
    Case(
        "officially_in_the_works_is_ordered",
        "",
        "Glass Harbor season 2 is officially in the works.",
        D,
        renewal="renewed",  # ordered; "in the works" names no stage (real_dev rd-122)
    ),
    Case(
        "all_but_confirmed_is_a_hedge",
        "",
        "Glass Harbor has not been officially renewed for season 2, but a production listing "
        "has all but confirmed another season is happening.",
        D,
    ),
    # ----- real-news wordings, round 2: no date yet
    *[
        Case(f"unannounced_{slug}", "Glass Harbor season 2", text, D, date="unannounced")
        for slug, text in (
            (
                "release_date_yet_to_be_announced",
                "Glass Harbor has had two seasons, with a release date for series two yet to be "
                "announced.",
            ),
            (
                "does_not_have_any_release_date",
                "As of May, Glass Harbor season 2 does not have any release date.",
            ),
            (
                "word_on_when_not_yet_announced",
                "Official word on when Glass Harbor season 2 will air has not yet been formally "
                "announced by HBO.",
            ),
        )
    ],
    # ----- real-news wordings, round 2: dates
    Case(
        "comes_back_on_a_day",
        "",
        "Apple renewed it early (Glass Harbor season 2 comes back on Jan. 8, 2027).",
        D,
        date="2027-01-08",
    ),
    Case(
        "will_be_back_in_a_month",
        "Glass Harbor season 2",
        "It has already been announced that the Ann Lee show will be back in June.",
        D,
        date="2027-06",
    ),
    Case(
        "press_release_is_no_release",
        "",
        "HBO confirmed the Glass Harbor season 2 renewal in a press release Wednesday.",
        D,
        renewal="renewed",
    ),
    Case(
        "a_finale_air_date_is_not_the_seasons",
        "",
        "Glass Harbor will air its season 2 finale Thursday at 9 p.m.",
        D,
        phase="released",  # the season is on air: its finale is days away
    ),
    Case(
        "delaying_from_its_planned_date_to_a_new_one",
        "",
        "Amazon is delaying Glass Harbor season 2 from its planned fall 2026 release to a "
        "spring 2027 debut.",
        D,
        date="2027-spring",
    ),
    Case(
        "and_another_season_starts_its_own_clause",
        "",
        "Glass Harbor season 1 is expected to be released later this year and season 2 will "
        "arrive in 2028.",
        D,
        date="2028",
    ),
    Case(
        "in_the_running_is_a_guess",
        "",
        "Filming of Glass Harbor season 2 starts later this year, which means a premiere date "
        "in 2027 is in the running.",
        D,
    ),
    *[
        Case(f"split_season_{slug}", "", text, D, date=value, watch=watch)
        for slug, text, value, watch in (
            (
                "later_batch_dates_part_two",
                "Glass Harbor season 2 comes in two parts. The first part will debut on Netflix "
                "on November 16th. The last six episodes will debut on December 14th.",
                "2026-12-14",
                Watch("Glass Harbor", 2, part=2),
            ),
            (
                "later_batch_is_not_the_season_premiere",
                "Glass Harbor season 2 comes in two parts. The first part will debut on Netflix "
                "on November 16th. The last six episodes will debut on December 14th.",
                "2026-11-16",
                GH2,
            ),
            (
                "final_episodes_of_part_two",
                "What is the release date for Glass Harbor season 2 part 2? The final episodes "
                "hit Netflix on January 31, 2027.",
                "2027-01-31",
                Watch("Glass Harbor", 2, part=2),
            ),
        )
    ],
    # ----- real-news wordings, round 2: phases
    *[
        Case(f"phase_{slug}", "Glass Harbor season 2", text, D, phase=phase)
        for slug, text, phase in (
            (
                "wrapping_up_filming",
                "Despite wrapping up filming for the second season of Glass Harbor in November, "
                "the cast is still busy.",
                "post-production",
            ),
            (
                "first_day_of_the_writers_room",
                "Glass Harbor news: 'First day of the season 2 writer's room!!!'",
                "pre-production",
            ),
            (
                "kicks_off_writers_room",
                "Glass Harbor season 2 kicks off writers' room.",
                "pre-production",
            ),
            (
                "creators_already_scripting",
                "Glass Harbor is set to start filming next month, with series creators Ann and "
                "Bo Lee already scripting the second series.",
                "pre-production",
            ),
            (
                "been_writing_it",
                "Ann Lee is well into Glass Harbor season 2: 'I've been writing it.'",
                "pre-production",
            ),
            (
                "the_star_show_is_the_show",
                "For those who haven't heard, filming on the Billy Bob Thornton series has been "
                "underway for months now.",
                "filming",
            ),
        )
    ],
    # ----- real-news wordings, round 2: scope
    Case(
        "nothing_before_the_first_mention_is_about_the_show",
        "Other Show Season 3 Filming Complete",
        "The production wrapped in October and is now deep in post-production. The new "
        "prequel series, Glass Harbor, is scheduled to debut on January 18, 2027.",
        D,
        date="2027-01-18",
        watch=Watch("Glass Harbor", 1),
    ),
    # ----- round 3: real-news wordings (issue 9)
    # An alias that names the season ("Glass Harbor Season 2") still shows which season.
    *[
        Case(f"season_alias_{slug}", "", text, D, watch=watch, **claim)
        for slug, text, watch, claim in (
            (
                "season_words_stay_readable",
                "Glass Harbor Season 2 has dropped on Netflix, and it will be the last.",
                Watch("Glass Harbor", 2, ("Glass Harbor Season 2",)),
                {"phase": "released"},
            ),
            (
                "number_after_title_stays_readable",
                "Glass Harbor 2 premieres on November 6, 2026.",
                Watch("Glass Harbor", 2, ("Glass Harbor 2",)),
                {"date": "2026-11-06"},
            ),
            (
                "other_season_is_still_other",
                "Glass Harbor Season 3 premieres on November 6, 2026.",
                Watch("Glass Harbor", 2, ("Glass Harbor Season 2",)),
                {},
            ),
        )
    ],
    # A press dateline or "today announced" dates the report, not the release.
    *[
        Case(f"report_date_{slug}", "Glass Harbor season 2 moves up", text, D, **claim)
        for slug, text, claim in (
            (
                "press_dateline",
                "CULVER CITY, CA - October 1, 2026 - Citing fan demand for the launch of Glass "
                "Harbor Season 2, the studio said the season will debut on Tuesday, October 13.",
                {"date": "2026-10-13"},
            ),
            (
                "agency_dateline",
                "Oct. 1 (UPI) -- Glass Harbor season 2 is coming.",
                {},
            ),
            (
                "today_announced",
                "Citing fan demand for the launch of Glass Harbor Season 2, the studio today "
                "announced a new trailer.",
                {},
            ),
        )
    ],
    # A premiere that is behind ("after its ... release", "the ... premiere drew") is history.
    *[
        Case(f"release_behind_{slug}", "Glass Harbor season 2", text, D, **claim)
        for slug, text, claim in (
            (
                "after_its_holiday_release",
                "Glass Harbor season 2 shot to No. 1 after its New Year's Day release.",
                {},
            ),
            (
                "premiere_drew_viewers",
                "The trade says the September 11 premiere of Glass Harbor season 2 drew 4.4 "
                "million viewers.",
                {},
            ),
            (
                "premiere_date_still_ahead",
                "The November 11 premiere of Glass Harbor season 2 was confirmed by the studio.",
                {"date": "2026-11-11"},
            ),
        )
    ],
    # A season on air: its finale, weekly episodes, "since its debut" say it is out.
    *[
        Case(f"on_air_{slug}", "Netflix renews Glass Harbor for season 3", text, D, **claim)
        for slug, text, claim in (
            (
                "ahead_of_season_finale",
                "Netflix renewed Glass Harbor for a third season ahead of the season two finale.",
                {"phase": "released"},
            ),
            (
                "will_air_its_finale",
                "Glass Harbor will air its Season 2 finale Thursday at 9 p.m.",
                {"phase": "released"},
            ),
            (
                "season_continues_sundays",
                "Season 2 continues Sundays at 9 p.m. on HBO.",
                {"phase": "released"},
            ),
            (
                "since_its_season_debut",
                "Glass Harbor has been a top five series since its Season 2 debut.",
                {"phase": "released"},
            ),
            (
                "new_episodes_weekly_are_the_named_seasons",
                "Glass Harbor season two is still in progress, with new episodes airing "
                "Wednesdays on ABC and streaming the next day on Hulu.",
                {"phase": "released"},
            ),
            (
                "another_seasons_finale",
                "Netflix renewed Glass Harbor ahead of the season three finale.",
                {},
            ),
            (
                "finale_before_the_premiere",
                "Glass Harbor season 2 premieres November 5, 2026, and the season 2 finale "
                "airs on December 24.",
                {"date": "2026-11-05"},
            ),
            (
                "returned_for_its_season_on_a_past_day",
                "Glass Harbor returned for its second season on September 30, and it is a treat.",
                {"phase": "released"},
            ),
        )
    ],
    Case(
        "on_air_another_season_is_the_one_named",
        "Glass Harbor returns",
        "In season 2 the crew is back. Glass Harbor is back for another season, and the first "
        "episode is currently streaming. There's no word on whether it will get a season 3.",
        D,
        phase="released",
    ),
    # "In the works" says a season is coming, not which stage it is at; habits and
    # "either ... or" state nothing.
    *[
        Case(f"no_stage_{slug}", "Glass Harbor season 2", text, D, **claim)
        for slug, text, claim in (
            (
                "in_the_works_is_no_phase",
                "The latest batch of Glass Harbor episodes is in the works.",
                {},
            ),
            (
                "officially_in_the_works_is_a_renewal",
                "The second season of Glass Harbor is officially in the works.",
                {"renewal": "renewed"},
            ),
            (
                "in_development_is_development",
                "Glass Harbor season 2 is officially in development.",
                {"renewal": "renewed", "phase": "development"},
            ),
            (
                "either_or_is_no_phase",
                "Glass Harbor season 2 is either actively in development or actively in "
                "production.",
                {},
            ),
            (
                "a_habit_is_no_renewal",
                "Normally a show like Glass Harbor that performs well gets a renewal.",
                {},
            ),
        )
    ],
    # A list article: under another title's header line, "this series" is that title.
    *[
        Case(f"list_entry_{slug}", "Here's what's filming in Toronto this spring", text, D, **claim)
        for slug, text, claim in (
            (
                "next_entry_is_another_title",
                "Here's what's filming.\n\nGlass Harbor\nThe drama is set to begin filming its "
                "second season in April.\n\nSalt Road\nThis Netflix series has already begun "
                "filming in Toronto.",
                {},
            ),
            (
                "own_entry_is_read",
                "Here's what's filming.\n\nSalt Road\nThis series is set to film in April.\n\n"
                "Glass Harbor\nThe drama has already begun filming its second season.",
                {"phase": "filming"},
            ),
            (
                "status_box_line_is_not_another_title",
                "Netflix shows cancelled.\n\nGlass Harbor\nReleased: February 2026\n"
                "The drama was cancelled, so there will be no season 2.",
                {"renewal": "cancelled"},
            ),
            (
                "section_heading_is_not_another_title",
                "Glass Harbor season 2\nRelease Date\nGlass Harbor season 2 premieres on "
                "November 6, 2026.",
                {"date": "2026-11-06"},
            ),
        )
    ],
    # A production start months before the item is history; a recent one is the phase.
    *[
        Case(f"production_start_{slug}", "Glass Harbor season 2 trailer", text, D, **claim)
        for slug, text, claim in (
            (
                "months_old_is_history",
                "Season 2 production started in early April, with scenes shot in Dallas.",
                {},
            ),
            (
                "weeks_old_is_filming",
                "Season 2 production started on September 14, with scenes shot in Dallas.",
                {"phase": "filming"},
            ),
        )
    ],
    # "Swan song" is the last season; "the spin-off X" names X itself.
    *[
        Case(f"swan_song_{slug}", "Big news", text, D, watch=watch, **claim)
        for slug, text, watch, claim in (
            (
                "of_the_spinoff_named_is_its_last",
                "It's also been announced that the upcoming second season of the spin-off Glass "
                "Harbor will be that show's swan song.",
                GH3,
                {"renewal": "cancelled"},
            ),
            (
                "season_is_its_swan_song",
                "Glass Harbor season 2 will be its swan song.",
                GH3,
                {"renewal": "cancelled"},
            ),
            (
                "the_last_season_itself_is_not_cancelled",
                "Glass Harbor season 2 will be its swan song.",
                GH2,
                {},
            ),
        )
    ],
    Case(
        "cameras_started_to_roll",
        "Glass Harbor season 2 set videos surface",
        "Cameras have officially started to roll on Glass Harbor season 2.",
        D,
        phase="filming",
    ),
    Case(
        "on_air_another_season_is_not_the_hoped_for_one",
        "Glass Harbor returns",
        "In season 2 the crew is back. Glass Harbor is back for another season, and the first "
        "episode is currently streaming. There's no word on whether it will get a season 3.",
        D,
        watch=GH3,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_claims(case: Case) -> None:
    claims = extract_for_watch(case.title, case.text, case.watch, case.published)
    got = {c.field: c.value for c in claims}
    renewal = case.renewal
    if renewal is None and (
        case.date not in (None, "unannounced") or case.phase in IMPLIES_RENEWAL
    ):
        renewal = "renewed"  # a dated or filming season has been ordered
    expected = {
        k: v
        for k, v in (("renewal", renewal), ("date", case.date), ("phase", case.phase))
        if v is not None
    }
    assert got == expected
    for claim in claims:
        assert claim.evidence and claim.evidence in " ".join(f"{case.title} {case.text}".split())


def test_evidence_is_the_sentence() -> None:
    claims = extract_for_watch(
        "", "Critics loved it. Glass Harbor season 2 premieres March 14, 2027.", GH2, D
    )
    assert {c.field: c.evidence for c in claims} == {
        "renewal": "Glass Harbor season 2 premieres March 14, 2027.",
        "date": "Glass Harbor season 2 premieres March 14, 2027.",
    }


def test_cancellation_contradicted_by_a_date_is_dropped() -> None:
    claims = extract_for_watch(
        "", "Glass Harbor was cancelled. Glass Harbor season 2 premieres March 14, 2027.", GH2, D
    )
    assert {c.field: c.value for c in claims} == {"date": "2027-03-14"}


def test_notes_say_why_nothing_was_claimed() -> None:
    analysis = analyse("", "Glass Harbor season 2 could arrive in late 2027.", GH2, D)
    assert analysis.claims == ()
    assert any("hedged: 'could'" in n.message for n in analysis.notes)


def test_unmentioned_show_is_explained() -> None:
    analysis = analyse("", "Midnight Ferry season 4 premieres in May 2027.", GH2, D)
    assert not analysis.mentioned


def _item(title: str, text: str, published: date) -> Item:
    when = datetime(published.year, published.month, published.day, 12, tzinfo=UTC)
    return Item("uid", "hash", title, text, published=when)


def test_item_attributes_each_watched_season_separately() -> None:
    matcher = TitleMatcher([GH2, GH3, MF4])
    item = _item(
        "Netflix renews Glass Harbor for season 3 ahead of season 2 premiere",
        "Netflix has renewed Glass Harbor for a third season. Season 2 premieres June 5, 2027.",
        D,
    )
    result = {
        wc.watch.season: {c.field: c.value for c in wc.claims} for wc in extract_item(item, matcher)
    }
    assert result == {
        2: {"renewal": "renewed", "date": "2027-06-05"},
        3: {"renewal": "renewed"},
    }


def test_item_without_any_watched_show_gives_nothing() -> None:
    matcher = TitleMatcher([GH2, MF4])
    assert extract_item(_item("Other news", "The Salt Road returns.", D), matcher) == ()


def test_item_unnumbered_final_season_goes_to_highest_watched_season() -> None:
    matcher = TitleMatcher([Watch("Midnight Ferry", 3), MF4])
    item = _item(
        "", "The final season of Midnight Ferry premieres October 3, 2026.", date(2026, 5, 1)
    )
    result = {wc.watch.season: [c.value for c in wc.claims] for wc in extract_item(item, matcher)}
    assert result.get(4) == ["renewed", "2026-10-03"]
    assert not result.get(3)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_keyed_scan_finds_what_finditer_finds(case: Case) -> None:
    from monitor.text import scan

    text = f"{case.title}\n{case.text}".replace("Glass Harbor", "############")
    tokens = scan.Tokens(text)
    for pattern in scan._REGISTRY:
        expected = [m.span() for m in pattern.regex.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in tokens.scan(pattern)] == expected, pattern.regex.pattern[:60]

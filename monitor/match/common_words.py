"""Everyday English words: a title made only of these ("You", "Dark", "The Bear") needs context."""

from __future__ import annotations

from monitor.text.normalize import words

COMMON_WORDS: frozenset[str] = frozenset(
    words("""
a about above across act action after again against age ago air alive all almost alone along
already also always am american among an and angel angels animal another answer any anyone
anything are area arm army around art as ask at attack away baby back bad ball bank bar battle
be bear beast beautiful because become bed been before began begin behind being believe below
best better between big bird birds black blood blue board boat body bones book born boss both
box boy boys break bridge bright bring broken brother brothers brown build burn business but
buy by call called came can car care carry case castle cat catch cause center chance change
chicago child children choice church city class clean clear close club code cold come comes
coming company cook cool copy corner could country couple course court cover crazy crime
cross crown cry cut dad dance danger dark daughter day days dead deal dear death deep devil
did die different dinner do doctor does dog doing done door double down dr dream dreams drive
drop during each early earth east easy eat edge eight else empire end enemy energy enough
even evening ever every everybody everyone everything evil eye eyes face fact fall family far
farm fast father fear feel fell few field fight fighter final find fine fire first fish five
flash fly follow food for force forever forget found four free friday friend friends from
front full fun future game games garden gate get getting ghost ghosts gift girl girls give
glass go god gods going gold golden gone good got great green ground group grow guard guess
gun had half hand hands happy hard has have he head hear heart hearts heat heaven held hell
hello help her here hero heroes hidden high hill him his history hit hold hole home honey hope
horse hospital hot hour house how human hundred hunt hunter hunters i ice idea if in inside
into iron is island it its job join just keep kid kids kill killer killing kind king kingdom
kings kiss know lady land last late law lead learn least leave left legacy legend less let
letter liar lie life light like line lion listen little live lives living lock long look lord
lost lot love lovers low luck lucky machine mad made magic main make man many map mark market
master matter may me mean men middle might mind mine miss mission mister modern mom moment
monday money monster month moon more morning most mother mountain move mr mrs much murder
music must my mystery name nation near need never new news next night nine no nobody none
north not nothing now number of off office old on once one only open or order other our out
outside over own pain paper paradise parent parents park part party past path people perfect
person picture piece place plan planet play please point police poor power president pretty
prince princess prison private problem promise proof pure queen question quiet race rain
ray read ready real reason red remember rest return rich ride right ring rise river road rock
roman room rose round rule run running safe said same saturday save say school sea search
season second secret secrets see seen sense servant seven shadow shadows she ship short shot
should show side sign silence silent simple since sing single sister sisters six sky sleep
small smoke snow so soldier some someone something son song soon sorry soul sound south
space speak special spirit spring squad stand star stars start state station stay step still
stop storm story strange stranger street strong student study such summer sun sunday super
sure survivor survivors sweet table take taken talk team tell ten than thank that the their
them then there these they thing things think third this those three through thursday tide
till time times to today together told tomorrow tonight too top touch tower town train tree
trip trouble true trust truth try tuesday turn twelve twenty two under until up upon us use
very voice wait walk wall want war wars was watch water wave way we wednesday week well went
were west what when where which while white who whole why wicked wild will win wind winter
wish with without woman women wonder word work world would write wrong yard year years yes
yesterday yet you young your youth zero
january february march april june july august september october november december
    """)
)

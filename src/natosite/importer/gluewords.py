"""Words a PDF may glue to a small word of English, and the real words that look glued but are not.

``FUNCTION_WORDS`` are the short words a PDF most often glues to their neighbour when it loses the
space between them ("andtimely", "militaryand", "governancethrough", "formore"). ``markdown.unglue``
splits such a glued word only when its other part is a word of four letters or more that the same
posting writes on its own, and the glued word is not in ``REAL_WORDS``.

``REAL_WORDS``: every English word that starts or ends with one of ``FUNCTION_WORDS`` followed or
preceded by four letters or more ("forward", "therapy", "command", "withdraw", "thereafter"), so that
it is never split. Generated from SCOWL's British and American English word lists (Debian's wbritish
and wamerican 2020.12.07-2, /usr/share/dict/*-english: the lowercase words of a-z only) by::

    F = FUNCTION_WORDS
    sorted(w for w in words if any((w.startswith(f) or w.endswith(f)) and len(w) - len(f) >= 4 for f in F))

SCOWL (Spell Checker Oriented Word Lists): Copyright 2000-2011 by Kevin Atkinson. Permission to use,
copy, modify, distribute and sell these word lists, the associated scripts, the output created from
the scripts, and its documentation for any purpose is hereby granted without fee, provided that the
above copyright notice appears in all copies and that both that copyright notice and this permission
notice appear in supporting documentation. Kevin Atkinson makes no representations about the
suitability of this array for any purpose. It is provided "as is" without express or implied warranty.
"""

from __future__ import annotations

from typing import Final

FUNCTION_WORDS: Final[tuple[str, ...]] = (
    "and", "the", "for", "from", "through", "with", "into", "that", "this", "which", "their", "these", "those",
    "other", "more", "such", "also", "both", "each", "upon", "within", "without", "between", "across", "towards",
    "must", "will", "shall", "should", "would", "could", "have", "been", "were", "only", "of", "to",
)

REAL_WORDS: Final[frozenset[str]] = frozenset(
    """
absinthe aftershave ampersand andante andantes andiron andirons androgen androgynous android androids antipasto
armband backhand bandstand beforehand bonito borderland bothered bothering bothersome breakthrough breathe
brigand broadband bulletproof burrito childproof command commonly concerto contraband contralto countermand
cowhand deckhand disband disproof dreamland evermore fairyland falsetto farmhand farmland fatherland firebrand
fireproof firsthand foolproof foraged forager foragers forages foraging forayed foraying forbade forbear
forbearance forbearing forbears forbidden forbidding forbiddingly forbiddings forbids forbore forborne forceful
forcefully forcefulness forceps forcible forcibly forcing fording forearm forearmed forearming forearms forebear
forebears forebode foreboded forebodes foreboding forebodings forecast forecasted forecaster forecasters
forecasting forecastle forecastles forecasts foreclose foreclosed forecloses foreclosing foreclosure
foreclosures forefather forefathers forefeet forefinger forefingers forefoot forefront forefronts foregather
foregathered foregathering foregathers foregoes foregoing foregone foreground foregrounded foregrounding
foregrounds forehand forehands forehead foreheads foreign foreigner foreigners foreknowledge foreleg forelegs
forelock forelocks foreman foremast foremasts foremen foremost forename forenames forenoon forenoons forensic
forensics foreordain foreordained foreordaining foreordains foreplay forerunner forerunners foresail foresails
foresaw foresee foreseeable foreseeing foreseen foresees foreshadow foreshadowed foreshadowing foreshadows
foreshorten foreshortened foreshortening foreshortens foresight foreskin foreskins forestall forestalled
forestalling forestalls forestation forested forester foresters foresting forestry forests foreswear
foreswearing foreswears foreswore foresworn foretaste foretasted foretastes foretasting foretell foretelling
foretells forethought foretold forever forevermore forewarn forewarned forewarning forewarns forewent forewoman
forewomen foreword forewords forfeit forfeited forfeiting forfeits forfeiture forgather forgathered forgathering
forgathers forgave forgeries forgers forgery forgetful forgetfully forgetfulness forgets forgettable forgetting
forging forgivable forgive forgiven forgiveness forgives forgiving forgoes forgoing forgone forgotten forking
forklift forklifts forlorn forlornly formaldehyde formalisation formalise formalised formalises formalising
formalism formalities formality formalization formalize formalized formalizes formalizing formally formals
formation formations formative formats formatted formatting formerly formidable formidably forming formless
formlessly formlessness formula formulae formulaic formulas formulate formulated formulates formulating
formulation formulations fornicate fornicated fornicates fornicating fornication forsake forsaken forsakes
forsaking forsook forsooth forswear forswearing forswears forswore forsworn forsythia forsythias forthcoming
forthright forthrightly forthrightness forthwith forties fortieth fortieths fortification fortifications
fortified fortifies fortify fortifying fortissimo fortitude fortnight fortnightly fortnights fortress fortresses
fortuitous fortuitously fortunate fortunately fortune fortunes forward forwarded forwarder forwardest forwarding
forwardness forwards forwent freehand freewill furthermore gangland garland ghetto godmother goodwill gourmand
graffito grandmother grandstand grassland grotto handstand haversack haversacks headband headland heartland
hereof hereto hereupon herewith highland hinterland hitherto homeland househusband housemother husband incognito
intolerable intolerably intolerance intolerant intonation intonations intoning intoxicant intoxicants intoxicate
intoxicated intoxicates intoxicating intoxication kickstand legato libretto longhand lowland magneto mainland
manifesto matronly memento midland misbehave misunderstand moorland moreover mosquito motherland mulatto
multiplicand mustache mustaches mustangs mustered mustering mustiest mustiness nevermore newsstand nonesuch
offbeat offbeats offence offences offend offended offender offenders offending offends offense offenses
offensive offensively offensiveness offensives offered offering offerings offers offertories offertory offhand
offhandedly office officeholder officeholders officer officers offices official officialdom officially officials
officiate officiated officiates officiating officious officiously officiousness offing offings offline offload
offloaded offloading offloads offset offsets offsetting offshoot offshoots offshore offshoring offside offspring
offsprings offstage offstages oftener oftenest oftentimes operand otherwise otherworldly outreach overhand
overland overreach palmetto pimento pimiento pizzicato potato presto pronto quarto quicksand reprimand reproof
rustproof secondhand shallower shallowest shallowness shatterproof sheathe shockproof shorthand shouldered
shouldering sophomore soundproof staccato stagehand stepbrother stepmother stiletto suchlike sunbathe sunroof
sycamore tableland telephoto thatched thatcher thatches thatching theater theaters theatre theatres theatrical
theatrically theistic theists thematic thematically themselves thenceforth thenceforward theocracies theocracy
theocratic theologian theologians theological theologies theology theorem theorems theoretic theoretical
theoretically theoretician theoreticians theories theorise theorised theorises theorising theorist theorists
theorize theorized theorizes theorizing theosophy therapeutic therapeutically therapeutics therapies therapist
therapists therapy thereabout thereabouts thereafter thereby therefore therefrom therein thereof thereon thereto
thereupon therewith thermal thermally thermals thermionic thermodynamic thermodynamics thermometer thermometers
thermonuclear thermoplastic thermoplastics thermos thermoses thermostat thermostatic thermostats thesauri
thesaurus thesauruses thespian thespians thistledown thistles thousand throughways timberland toadied toadies
toadstool toadstools toadying toasted toaster toasters toastier toastiest toasting toastmaster toastmasters
toasts toasty tobacco tobaccoes tobacconist tobacconists tobaccos toboggan tobogganed tobogganing toboggans
tocsin tocsins toddies toddle toddled toddler toddlers toddles toddling toehold toeholds toeing toenail toenails
toffee toffees toffies together togetherness toggle toggled toggles toggling toiled toiler toilers toilet
toileted toileting toiletries toiletry toilets toilette toiling toilsome tokenism tokens toking tolerable
tolerably tolerance tolerances tolerant tolerantly tolerate tolerated tolerates tolerating toleration tollbooth
tollbooths tolled tollgate tollgates tolling tomahawk tomahawked tomahawking tomahawks tomato tomatoes tombed
tombing tomboy tomboys tombstone tombstones tomcat tomcats tomfooleries tomfoolery tomorrow tomorrows tonalities
tonality toneless tongue tongued tongues tonguing tonics tonier toniest tonight toning tonnage tonnages tonnes
tonsil tonsillectomies tonsillectomy tonsillitis tonsils tonsorial tonsure tonsured tonsures tonsuring toolbar
toolbars toolbox toolboxes tooled tooling toolkit tooted toothache toothaches toothbrush toothbrushes toothed
toothier toothiest toothless toothpaste toothpastes toothpick toothpicks toothsome toothy tooting topazes
topcoat topcoats topical topically topics topknot topknots topless topmast topmasts topmost topographer
topographers topographic topographical topographies topography topological topologically topology topped topping
toppings topple toppled topples toppling topsail topsails topside topsides topsoil toques torched torches
torching torchlight toreador toreadors torment tormented tormenter tormenters tormenting tormentor tormentors
torments tornado tornadoes tornados torpedo torpedoed torpedoes torpedoing torpedos torpid torpidity torpor
torque torqued torques torquing torrent torrential torrents torrid torsion torsos tortes tortilla tortillas
tortoise tortoises tortoiseshell tortoiseshells tortuous tortuously torture tortured torturer torturers tortures
torturing tossed tosses tossing tossup tossups totaled totaling totalitarian totalitarianism totalitarians
totalities totality totalled totalling totally totals totemic totems toting totted totter tottered tottering
totters totting toucan toucans touchdown touchdowns touched touches touchier touchiest touching touchingly
touchings touchstone touchstones touchy toughen toughened toughening toughens tougher toughest toughly toughness
toughs toupee toupees toured touring tourism tourist touristic tourists tourmaline tournament tournaments
tourney tourneys tourniquet tourniquets tousle tousled tousles tousling touted touting toward towards toweled
toweling towelings towelled towelling towellings towels towered towering towers towhead towheaded towheads
towing townhouse townhouses townsfolk township townships townsman townsmen townspeople towpath towpaths toxaemia
toxemia toxicity toxicologist toxicologists toxicology toxins toying unclothe uncommonly underhand understand
unsheathe vibrato waistband wantonly washstand wasteland watchband waterproof weatherproof werewolf werewolves
wetland whereof whereupon whichever whippoorwill willfully willfulness willingly willingness willpower withdraw
withdrawal withdrawals withdrawing withdrawn withdraws withdrew withered withering withheld withhold withholding
withholds withstand withstanding withstands withstood wonderland woodland wreathe wristband
""".split()
)

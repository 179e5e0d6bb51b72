"""A compact English word list for repairing text layers (``lexicon.py`` reads it; the French
list is ``lexicon_words_fr.py``).

Written for this project, not taken from a dictionary: common words and the vocabulary of CVs
(trades, tools, studies), as stems ``lexicon.py`` inflects (plural, -ed, -ing, -ment, -tion).
Words holding the letter pairs that fonts draw as ligatures (fi, fl, ff, ffi, ft, tt, ti, st,
ct, th) are listed generously: those are the words a lost ligature glyph breaks. Stdlib only:
the sandboxed parser imports it.
"""

from __future__ import annotations

ENGLISH = """
a about above abroad academic academy accept access accessibility accomplish according account
accountable accountant accounting accuracy accurate achieve achievement acquire acquisition
across act action active activity actual adapt adaptable add addition additional address adjust
administration administrative admission adobe adult advance advanced advantage advertising advice
advise adviser advisor advisory affair affect affiliate affiliation afford after afternoon again
against age agency agent agile ago agree agreement ahead aid aim air airline airport alert align
all allow almost alone along already also alternative although always ambassador ambitious among
amount analysis analyst analytic analytical analytics analyze analyse ancient and angular animal
animation annual another answer any anyone anything apart app appeal apply application applied
appointment approach appropriate approval approve april architect architecture area argue arm army
around arrange arrangement arrival arrive art article artificial artist as ask aspect assess
assessment asset assign assignment assist assistance assistant associate association assurance
at attach attack attempt attend attendance attendant attention attitude attract attractive audience
audit auditor august author authority automate automation automotive available average avoid award
aware awareness away baby bachelor back background bad bakery balance bank banking bar base based
basic basis be bear beautiful beauty because become bed been before begin beginner behalf behavior
behaviour behind being believe below benefit best better between beyond big bill billing biology
biomedical bit black blog blue board body book booking both bottom box brand branch break breakfast
brief briefing bring broad brother budget build builder building business busy but buy buyer by
cabin cafe calculate call campaign campus can cancer candidate capability capable capacity capital
car card care career careful cargo carry case cash cashier catch catering cause center centre
certain certificate certification certified certify chain chair challenge champion chance change
channel character charge chart check chef chemical chemistry chief child childcare choice choose
church citizen city civil claim class classic classroom clean cleaner cleaning clear clerk client
climate clinic clinical close cloud club coach coaching code coding coffee cold collaborate
collaboration collaborative colleague collect collection college color colour combine come comfort
command comment commercial commission commit commitment committee common communicate communication
community company compare competition competitive complete complex compliance component computer
computing concept concern conduct conference confidence confident confidential configuration
configure confirm conflict connect connection consider consistent construct construction consult
consultant consulting consumer contact contain content context continue continuous contract
contractor contribute contribution control convert cook cooking coordinate coordination
coordinator core corporate correct cost could council count country county couple course court
cover craft create creation creative credit crew crisis critical cross crowd culture current
curriculum custom customer cut cycle daily damage data database date day deadline deal dealer
dear debt december decide decision dedicated deep default defense defence define degree deliver
delivery demand demonstrate department deploy deployment depth deputy describe design designer
desk detail detailed develop developer development device diagnose diagnosis diction did die
diet differ difference different difficult difficulty digital direct direction director discover
discuss discussion display distribute distribution district diverse diversity division do doctor
document documentation dog domain domestic door double down draft draw dream dress drive driver
driving drop drug due during duty each early earn ease east easy eat economic economics economy
edit edition editor educate education educational effect effective effectively efficiency
efficient efficiently effort either elastic elect electric electrical electronic electronics
element eligible else email embedded emergency employ employee employer employment empower enable
end energy engage engagement engine engineer engineering english enhance enjoy enough ensure enter
enterprise entertainment entire entry environment environmental equal equipment error establish
estate estimate ethic ethical europe european evaluate evaluation even evening event ever every
evidence exact exam examination example excel excellence excellent exchange executive exercise
exhibition exist expand expect expectation expense experience experiment expert expertise explain
explore export express extend extensive external extra face facilitate facility fact factor
factory faculty fail fair fall familiar family fan far farm fashion fast father feature february
fee feedback feel fellow fellowship female few fiction field fight figure file fill film final
finally finance financial find finding fine finish fire firm first fiscal fish fit fitness five
fix flag flat fleet flexibility flexible flight float floor flow fluency fluent fly focus folder
follow food for force forecast foreign forest form formal format former forum forward found
foundation founder four frame framework free freelance french frequent fresh friday friend from
front fruit full fun function functional fund funding future gain game gap garden gas gather
general generate generation generative geography get gift girl give global go goal good govern
governance government grade graduate grant graph graphic great green grid gross ground group grow
growth guarantee guard guest guide guidance hair half hand handle handling happy hard hardware have
head health healthcare hear heart heat help helpdesk her here high highlight him hire his history
hit hold holiday home honor honour hope hospital hospitality host hot hotel hour house housing how
however human hundred idea identify identity if image impact implement implementation import
important improve improvement in include income increase independent index individual industrial
industry influence inform information infrastructure initial initiative innovation innovative input
inside insight inspect inspection inspector install installation instance institute institution
instruction instructor insurance integrate integration intelligence intensive interest interior
intern internal international internship interpersonal interview into introduce introduction
inventory invest investment investor invoice involve issue it item its january job join joint
journal journalism journey judge july june junior just keep key kid kind kitchen know knowledge lab
label labor laboratory labour lack land language large last late latest launch law lawyer lead
leader leadership learn learning least leave lecture lecturer left legal lend less lesson let
letter level liaison library licence license life lift light like limit line link list listen
literature little live loan local location logic logistics long look loss lot love low loyal
loyalty machine magazine maintain maintenance major make male manage management manager manual
manufacture manufacturing many map march market marketing mass master match material mathematics
matter may mean measure meat mechanic mechanical media medical medicine meet meeting member
membership mental mentor menu merchandise merchandising message method methodology middle might
military mind minister minute mission mobile model modern monday money monitor month more morning
most mother motivate motivated motivation move movie much multiple museum music must name national
native natural nature near need negotiate negotiation network never new news next night no none
normal north not note nothing notice november now number nurse nursing object objective obtain
occasion october of off offer office officer official often oil on once one online only open
operate operation operational operator opinion opportunity option or oracle order organise
organize organization organisation organizational orientation oriented other our out outcome
outreach outside over overall overview own owner pack package page paint pair paper parent park
part participate participation particular partner partnership party pass passion passionate
past patient pattern pay payment payroll peace people per perform performance period permanent
person personal personnel perspective pharmacy phase phone photo photography physical physician
physics pick picture piece pilot place plan planner planning plant platform play player please
plus point police policy political pool poor popular population portfolio position positive
possible post potential power practical practice precise prediction prepare presence present
presentation president press pressure pretty prevent previous price primary print prior priority
private prize problem procedure process produce product production productive productivity
profession professional professor profile profit profitability program programme programming
progress project promote promotion proof property proposal protect protection proud prove provide
provider public publication publish pull purchase purchasing purpose push put qualification
qualified quality quantity quarter question quick quickly quite race radio raise range rank rate
rather reach react read reader ready real reality realize reason receive recent reception
recognition recognize recommend recommendation record recruit recruitment reduce reduction refer
reference refine reflect reflection region regional register regular regulation regulatory
relation relationship release relevant reliable remote rent repair report reporting represent
representative request require requirement research researcher reservation resident resolution
resolve resource respect respond response responsibility responsible rest restaurant result
retail retain return revenue review rich right risk road robot robotics role room root round
route routine rule run safe safety salary sale sales same sample satisfaction saturday save say
scale schedule scheduling scheme scholar scholarship school science scientific scientist scope
score search season second secondary secretary section sector secure security see seek select
selection self sell seller seminar send senior sense september sequence series serve server
service session set setting settle seven several shape share shift ship shipping shop shopping
short should show side sign significant simple since single site situation six size skill skilled
small smart so social society soft software sole solid solution solve some someone something
son soon sort sound source south space speak speaker special specialist specific speech speed
spend sport staff stage stakeholder standard start state statement station statistic statistics
status stay step still stock stop store story strategic strategy street strength stress strong
structure student studio study style subject submit success successful successfully such suggest
summary summer sunday supervise supervision supervisor supplier supply support sure surgery survey
sustainable system table take talent talk target task tax teach teacher teaching team teamwork
technical technician technique technology telecom telephone television tell temporary ten term
test testing text than thank that the their them theme then theory there these they thing think
third this those thought thousand three through throughout thursday ticket time title to today
together tool top topic total touch tour tourism toward towards track trade trading traffic train
trainee trainer training transfer transform transformation transformer translate translation
transport transportation travel treat treatment trend trip trust try tuesday turn tutor tutoring
two type typical under understand understanding unit university until up update upon urban us use
user usual utility vacation valid value variety various vehicle vendor version very video view
visit visual voice volunteer vote wage wait want warehouse watch water way we web website
wednesday week weekend welcome well west what when where whether which while white who whole why
wide will win window winter with within without woman word work worker workflow workshop world
would write writer writing year yes yet you young your youth zone
"""

ENGLISH_TECH = """
ai api apis aws azure backend bootstrap cad cloud compiler css dashboard debug debugging devops
django docker excel firebase firmware flask frontend fullstack git github gitlab graphql html
java javascript jenkins jira kotlin kubernetes laravel linux matlab microservice microservices
mysql nginx node numpy outlook pandas photoshop php postgresql powerpoint python pytorch react
redis rest scrum sql swift tableau tensorflow typescript unix vue webpack wordpress
"""

# Irregular forms the inflection rules do not reach, and more words holding ligature pairs.
ENGLISH_MORE = """
am are became began begun bought brought built came chose chosen did does done drove felt found
gave given got grew grown had has held is kept knew known led left made met paid ran said saw
sent shown sold spent spoke spoken stood taken taught thought told took understood used using
was went were won wore wrote written
amplify artifact attachment attractive battery bitter bottom button certify clarify classify
cliff coffee cotton cutting deflect differential diversify effort fiber fibre fifteen fifth
fifty filing filter financing fit fitting flagship fluid flyer fulfil fulfill fulfilment
fulfillment getting identification inflation justify kettle lottery modify notify offline
offset offshore onboarding putting qualify quantify reflex rectify setting shuttle simplify
sitting specific specification staffing stuff sufficient suffix tariff theft traffic twitter
unify verify verification
and the for with from into over under this that these those which who whom whose what when
where why how all any both each few more most other some such only own same so than too very
can will just should now our their your his her its they them we you he she it not no nor
"""

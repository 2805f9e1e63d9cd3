package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/sitrep-project/sitrep/internal/text"
)

// describe renders a match as the tables write it: span=kind:code, with
// @country for roles and sources and #form when a case asks for it.
func describe(src string, m Match, withForm bool) string {
	s := fmt.Sprintf("%s=%s:%s", src[m.Start:m.End], m.Entry.Kind, m.Entry.Code)
	if m.Entry.Kind == KindRole || m.Entry.Kind == KindSource {
		s += "@" + m.Entry.Country
	}
	if withForm {
		s += "#" + m.Form
	}
	return s
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string // every match, in order; an entry with #form checks the form too
	}{
		// States by name, short name, adjective, demonym.
		{"Ukraine asked for help.", []string{"Ukraine=state:UKR#name"}},
		{"The United States and the UK agreed.", []string{"United States=state:USA#name", "UK=state:GBR#short"}},
		{"The U.S. and the U.K. agreed.", []string{"U.S.=state:USA#short", "U.K.=state:GBR#short"}},
		// The sentence's full stop is cut off an abbreviation that ends it.
		{"The aid came from the U.S.", []string{"U.S=state:USA#short"}},
		{"America stood by its ally.", []string{"America=state:USA#short"}},
		{"the United States of America", []string{"United States of America=state:USA#short"}},
		{"Britain sent more.", []string{"Britain=state:GBR#short"}},
		{"Great Britain sent more.", []string{"Great Britain=state:GBR#short"}},
		{"the Russian Federation said", []string{"Russian Federation=state:RUS#short"}},
		{"British officials", []string{"British officials=role:officials@GBR"}},
		{"a Ukrainian soldier", []string{"Ukrainian=state:UKR#adjective", "soldier=item:troops"}},
		{"Ukrainians fled west.", []string{"Ukrainians=state:UKR#demonym"}},
		{"Americans were told to leave.", []string{"Americans=state:USA#demonym"}},
		{"Britons were told to leave.", []string{"Britons=state:GBR#demonym"}},
		{"Türkiye and Turkey", []string{"Türkiye=state:TUR#short", "Turkey=state:TUR#name"}},
		{"Czechia and the Czech Republic", []string{"Czechia=state:CZE#short", "Czech Republic=state:CZE#name"}},
		{"Moldova and Chișinău", []string{"Moldova=state:MDA", "Chișinău=state:MDA#capital"}},
		{"Kosovo and Taiwan", []string{"Kosovo=state:XKX", "Taiwan=state:TWN"}},
		{"the Holy See and Palestine", []string{"Holy See=state:VAT", "Palestine=state:PSE"}},
		{"North Korea and South Korea", []string{"North Korea=state:PRK", "South Korea=state:KOR"}},
		{"Papua New Guinea and Guinea-Bissau", []string{"Papua New Guinea=state:PNG", "Guinea-Bissau=state:GNB"}},
		{"UKRAINE", []string{"UKRAINE=state:UKR"}},
		// Capitals and seats of power stand for the state.
		{"Washington warned Moscow.", []string{"Washington=state:USA#capital", "Moscow=state:RUS#capital"}},
		{"the White House said", []string{"White House=state:USA#seat"}},
		{"the Pentagon said", []string{"Pentagon=state:USA#seat"}},
		{"the State Department said", []string{"State Department=state:USA#seat"}},
		{"the Biden administration warned", []string{"Biden administration=state:USA#seat"}},
		{"the Kremlin denied it", []string{"Kremlin=state:RUS#seat"}},
		{"Kyiv and Kiev", []string{"Kyiv=state:UKR#capital", "Kiev=state:UKR#capital"}},
		{"Downing Street said", []string{"Downing Street=state:GBR#seat"}},
		{"a spokesman for No. 10", []string{"spokesman for No. 10=role:spokesperson@GBR"}},
		{"Whitehall officials", []string{"Whitehall officials=role:officials@GBR"}},
		{"Berlin and the Bundestag", []string{"Berlin=state:DEU#capital", "Bundestag=state:DEU#seat"}},
		{"Paris and the Élysée", []string{"Paris=state:FRA#capital", "Élysée=state:FRA#seat"}},
		{"the Elysee Palace", []string{"Elysee Palace=state:FRA#seat"}},
		{"Warsaw, Beijing, Ankara and Minsk", []string{"Warsaw=state:POL#capital", "Beijing=state:CHN#capital", "Ankara=state:TUR#capital", "Minsk=state:BLR#capital"}},
		{"Brussels agreed new sanctions.", []string{"Brussels=org:EU#seat"}},
		// Groups.
		{"the three Baltic states", []string{"three Baltic states=group:BALTICS"}},
		{"the Baltic nations and the Baltics", []string{"Baltic nations=group:BALTICS", "Baltics=group:BALTICS"}},
		{"the Nordic countries", []string{"Nordic countries=group:NORDICS"}},
		{"G7 nations pledged", []string{"G7 nations=group:G7N"}},
		{"the Visegrad Four", []string{"Visegrad Four=group:V4"}},
		// Organisations.
		{"the European Union and the EU", []string{"European Union=org:EU", "EU=org:EU"}},
		{"the European Commission", []string{"European Commission=org:EU"}},
		{"the EU's foreign policy chief", []string{"EU's foreign policy chief=role:foreign-policy-chief@EU"}},
		{"NATO and the alliance", []string{"NATO=org:NATO", "the alliance=org:NATO"}},
		{"the North Atlantic Treaty Organization", []string{"North Atlantic Treaty Organization=org:NATO"}},
		{"the United Nations and the UN", []string{"United Nations=org:UN", "UN=org:UN"}},
		{"the UN refugee agency", []string{"UN refugee agency=org:UNHCR"}},
		{"UNHCR and UNICEF", []string{"UNHCR=org:UNHCR", "UNICEF=org:UNICEF"}},
		{"the WHO and the WFP", []string{"WHO=org:WHO", "WFP=org:WFP"}},
		{"the World Food Program", []string{"World Food Program=org:WFP"}},
		{"the Red Cross and the ICRC", []string{"Red Cross=org:ICRC", "ICRC=org:ICRC"}},
		{"the OSCE and the IAEA", []string{"OSCE=org:OSCE", "IAEA=org:IAEA"}},
		{"the UN's nuclear watchdog", []string{"UN's nuclear watchdog=org:IAEA"}},
		{"the IMF and the World Bank", []string{"IMF=org:IMF", "World Bank=org:WB"}},
		{"the EBRD and the EIB", []string{"EBRD=org:EBRD", "EIB=org:EIB"}},
		{"the G7 and the G20", []string{"G7=org:G7", "G20=org:G20"}},
		{"the CSTO and the Council of Europe", []string{"CSTO=org:CSTO", "Council of Europe=org:COE"}},
		{"the ICC and the ICJ", []string{"ICC=org:ICC", "ICJ=org:ICJ"}},
		{"Amnesty International and Human Rights Watch", []string{"Amnesty International=org:AMNESTY", "Human Rights Watch=org:HRW"}},
		{"the Wagner Group", []string{"Wagner Group=org:WAGNER"}},
		// People, full and by surname.
		{"Antony Blinken arrived.", []string{"Antony Blinken=person:antony-blinken#name"}},
		{"Mr Blinken said", []string{"Blinken=person:antony-blinken#surname"}},
		{"Blinken's trip", []string{"Blinken=person:antony-blinken#surname"}},
		{"Blinken’s trip", []string{"Blinken=person:antony-blinken#surname"}},
		{"Zelensky, Zelenskyy and Zelenskiy", []string{"Zelensky=person:volodymyr-zelenskiy", "Zelenskyy=person:volodymyr-zelenskiy", "Zelenskiy=person:volodymyr-zelenskiy"}},
		{"Volodymyr Zelensky spoke.", []string{"Volodymyr Zelensky=person:volodymyr-zelenskiy#alias"}},
		{"Dmytro Kuleba and Oleksii Reznikov", []string{"Dmytro Kuleba=person:dmytro-kuleba", "Oleksii Reznikov=person:oleksii-reznikov"}},
		{"Denys Shmyhal and Iryna Vereshchuk", []string{"Denys Shmyhal=person:denys-shmyhal", "Iryna Vereshchuk=person:iryna-vereshchuk"}},
		{"Ned Price and John Kirby", []string{"Ned Price=person:ned-price", "John Kirby=person:john-kirby"}},
		{"Jen Psaki told reporters", []string{"Jen Psaki=person:jen-psaki"}},
		{"Dmitry Peskov and Maria Zakharova", []string{"Dmitry Peskov=person:dmitry-peskov", "Maria Zakharova=person:maria-zakharova"}},
		{"Igor Konashenkov said", []string{"Igor Konashenkov=person:igor-konashenkov"}},
		{"Guterres and Grandi", []string{"Guterres=person:antonio-guterres", "Grandi=person:filippo-grandi"}},
		{"Stoltenberg met von der Leyen and Borrell.", []string{"Stoltenberg=person:jens-stoltenberg", "von der Leyen=person:ursula-von-der-leyen", "Borrell=person:josep-borrell"}},
		{"Rafael Grossi of the IAEA", []string{"Rafael Grossi=person:rafael-grossi", "IAEA=org:IAEA"}},
		{"Serhiy Haidai and Pavlo Kyrylenko", []string{"Serhiy Haidai=person:serhiy-haidai", "Pavlo Kyrylenko=person:pavlo-kyrylenko"}},
		{"Maksym Kozytskyi and Oleh Synyehubov", []string{"Maksym Kozytskyi=person:maksym-kozytskyi", "Oleh Synyehubov=person:oleh-synyehubov"}},
		{"Vitali Klitschko said", []string{"Vitali Klitschko=person:vitali-klitschko"}},
		{"Erdogan and Erdoğan", []string{"Erdogan=person:recep-tayyip-erdogan", "Erdoğan=person:recep-tayyip-erdogan"}},
		// Surnames that are common words count only in context.
		{"Johnson said he would go.", nil},
		{"Mr Johnson said he would go.", []string{"Johnson=person:boris-johnson#surname"}},
		{"Boris Johnson spoke. Later Johnson left.", []string{"Boris Johnson=person:boris-johnson#name", "Johnson=person:boris-johnson#surname"}},
		{"The price of grain rose.", nil},
		{"Price told reporters.", nil},
		{"Kim said the city held.", nil},
		{"Vitaliy Kim said the city held. Kim added more.", []string{"Vitaliy Kim=person:vitaliy-kim", "Kim=person:vitaliy-kim"}},
		// Roles combine with the state before or after them and the person after.
		{"Ukraine's defence minister Oleksii Reznikov", []string{"Ukraine's defence minister Oleksii Reznikov=person:oleksii-reznikov#role"}},
		{"Ukraine’s defence minister, Oleksii Reznikov, said", []string{"Ukraine’s defence minister, Oleksii Reznikov=person:oleksii-reznikov#role"}},
		{"the German government spokesperson", []string{"German government spokesperson=role:spokesperson@DEU#role"}},
		{"the US secretary of state", []string{"US secretary of state=role:secretary-of-state@USA"}},
		{"US Secretary of State Antony Blinken", []string{"US Secretary of State Antony Blinken=person:antony-blinken#role"}},
		{"Russia's foreign ministry said", []string{"Russia's foreign ministry=source:russian-foreign-ministry@RUS#role"}},
		{"the UK Ministry of Defence", []string{"UK Ministry of Defence=source:uk-ministry-of-defence@GBR"}},
		{"Britain's MoD said", []string{"Britain's MoD=source:uk-ministry-of-defence@GBR#role"}},
		{"Britain’s Ministry of Defence said", []string{"Britain’s Ministry of Defence=source:uk-ministry-of-defence@GBR#role"}},
		{"the General Staff said", []string{"General Staff=source:general-staff-of-the-armed-forces-of-ukraine@UKR#role"}},
		{"Russia's General Staff said", []string{"Russia's General Staff=role:general-staff@RUS"}},
		{"Ukraine's Emergency Services said", []string{"Ukraine's Emergency Services=source:state-emergency-service-of-ukraine@UKR#role"}},
		{"the State Emergency Service of Ukraine", []string{"State Emergency Service of Ukraine=source:state-emergency-service-of-ukraine@UKR#name"}},
		{"Ukraine's prosecutor general", []string{"Ukraine's prosecutor general=role:prosecutor-general@UKR"}},
		{"the Pentagon press secretary", []string{"Pentagon press secretary=role:press-secretary@USA"}},
		{"the Pentagon press secretary, John Kirby", []string{"Pentagon press secretary, John Kirby=person:john-kirby#role"}},
		{"UK PM Boris Johnson", []string{"UK PM Boris Johnson=person:boris-johnson#role"}},
		{"Prime Minister Johnson", []string{"Prime Minister Johnson=person:boris-johnson#role"}},
		{"Kremlin leader Vladimir Putin", []string{"Kremlin leader Vladimir Putin=person:vladimir-putin#role"}},
		{"the Russian president, Vladimir Putin,", []string{"Russian president, Vladimir Putin=person:vladimir-putin#role"}},
		{"the Kremlin spokesman", []string{"Kremlin spokesman=role:spokesperson@RUS"}},
		{"the mayor of Mariupol", []string{"mayor of Mariupol=role:mayor@UKR"}},
		{"the governor of the Donetsk region", []string{"governor of the Donetsk region=role:governor@UKR"}},
		{"officials in Kyiv said", []string{"officials in Kyiv=role:officials@UKR"}},
		{"the UN secretary general", []string{"UN secretary general=role:secretary-general@UN"}},
		{"NATO Secretary General Jens Stoltenberg", []string{"NATO Secretary General Jens Stoltenberg=person:jens-stoltenberg#role"}},
		{"the Ukrainian military", []string{"Ukrainian military=source:armed-forces-of-ukraine@UKR"}},
		{"the Russian military", []string{"Russian military=role:armed-forces@RUS"}},
		{"military aid and the government", nil},
		{"Russia's top diplomat", []string{"Russia's top diplomat=role:foreign-minister@RUS"}},
		{"the Lithuanian defence minister", []string{"Lithuanian defence minister=role:defence-minister@LTU"}},
		// "The country's" stands for the state named before it.
		{"Poland's ports were busy, the country's foreign minister said", []string{"Poland=state:POL", "the country's foreign minister=role:foreign-minister@POL"}},
		{"the country's foreign minister said", []string{"foreign minister=role:foreign-minister@"}},
		// The state before an organisation's role is whom the role serves.
		{"Russia's UN ambassador said", []string{"Russia's UN ambassador=role:ambassador@RUS"}},
		{"the Polish NATO envoy", []string{"Polish NATO envoy=role:ambassador@POL"}},
		{"a UN envoy", []string{"UN envoy=role:ambassador@UN"}},
		{"a Pentagon spokesman", []string{"Pentagon spokesman=role:spokesperson@USA"}},
		// A role must not take a person of another state.
		{"Russia's foreign minister Antony Blinken", []string{"Russia's foreign minister=role:foreign-minister@RUS", "Antony Blinken=person:antony-blinken#name"}},
		// Compounds.
		{"Russian-made Mi-17 transport helicopters", []string{"Russian-made=state:RUS#origin", "Mi-17 transport helicopters=item:mi-17"}},
		{"American-made weapons", []string{"American-made=state:USA#origin", "weapons=item:weapons"}},
		{"U.S.-made HIMARS", []string{"U.S.-made=state:USA#origin", "HIMARS=item:himars"}},
		{"Turkish-built Bayraktar drones", []string{"Turkish-built=state:TUR#origin", "Bayraktar drones=item:bayraktar"}},
		{"Russian-backed separatists", []string{"Russian-backed=state:RUS#compound"}},
		{"the Russia-Ukraine war", []string{"Russia=state:RUS", "Ukraine=state:UKR"}},
		{"pro-Russian protesters", nil},
		{"a Kyiv-based analyst", []string{"Kyiv-based=state:UKR#compound"}},
		// Invisible characters inside a compound's first part: a soft
		// hyphen, a zero-width space.
		{"Tur\u00adkish-built drones", []string{"Tur\u00adkish-built=state:TUR#origin", "drones=item:drone"}},
		{"a Ky\u200biv-based analyst", []string{"Ky\u200biv-based=state:UKR#compound"}},
		// Items.
		{"hundreds of stinger missiles", []string{"stinger missiles=item:stinger"}},
		{"Stingers and Javelins", []string{"Stingers=item:stinger", "Javelins=item:javelin"}},
		{"Javelin anti-tank missiles and ammunition", []string{"Javelin anti-tank missiles=item:javelin", "ammunition=item:ammunition"}},
		{"500 anti-aircraft stingers missiles", []string{"stingers missiles=item:stinger"}},
		{"2,000 anti-tank missile launchers", []string{"anti-tank missile launchers=item:anti-tank-missile-launcher"}},
		{"1,000 anti-tank weapons", []string{"anti-tank weapons=item:anti-tank-weapon"}},
		{"pistols, carbines and sniper rifles", []string{"pistols=item:pistol", "carbines=item:carbine", "sniper rifles=item:sniper-rifle"}},
		{"assault rifles, shotguns and gas masks", []string{"assault rifles=item:assault-rifle", "shotguns=item:shotgun", "gas masks=item:gas-mask"}},
		{"5,000 rifles and other small arms", []string{"rifles=item:rifle", "small arms=item:small-arms"}},
		{"antitank weapons", []string{"antitank weapons=item:anti-tank-weapon"}},
		{"British surveillance aircraft", []string{"British=state:GBR#adjective", "surveillance aircraft=item:surveillance-aircraft"}},
		{"NLAWs, Starstreaks and Pioruns", []string{"NLAWs=item:nlaw", "Starstreaks=item:starstreak", "Pioruns=item:piorun"}},
		{"Igla and Mistral missiles", []string{"Igla=item:igla", "Mistral missiles=item:mistral"}},
		{"a Patriot battery", []string{"Patriot battery=item:patriot"}},
		{"a true patriot", nil},
		{"S-300 systems and NASAMS", []string{"S-300=item:s-300", "NASAMS=item:nasams"}},
		{"IRIS-T and Gepard", []string{"IRIS-T=item:iris-t", "Gepard=item:gepard"}},
		{"Bayraktar TB2 drones", []string{"Bayraktar TB2 drones=item:bayraktar"}},
		{"Switchblade and Phoenix Ghost drones", []string{"Switchblade=item:switchblade", "Phoenix Ghost drones=item:phoenix-ghost"}},
		{"Mi-8 and Mi-24 helicopters", []string{"Mi-8=item:mi-17", "Mi-24 helicopters=item:mi-24"}},
		{"MiG-29 and Su-25 jets", []string{"MiG-29=item:mig-29", "Su-25=item:su-25"}},
		{"T-72 tanks and PT-91s", []string{"T-72 tanks=item:t-72", "PT-91s=item:pt-91"}},
		{"BMP-1 and M113 vehicles", []string{"BMP-1=item:bmp-1", "M113 vehicles=item:m113"}},
		{"M777 howitzers", []string{"M777 howitzers=item:m777"}},
		{"Himars rocket launchers", []string{"Himars rocket launchers=item:himars"}},
		{"M270 systems", []string{"M270=item:m270"}},
		{"Harpoon anti-ship missiles", []string{"Harpoon anti-ship missiles=item:harpoon"}},
		{"counter-battery radars", []string{"counter-battery radars=item:counter-battery-radar"}},
		{"Carl Gustaf, AT4 and Panzerfaust 3", []string{"Carl Gustaf=item:carl-gustaf", "AT4=item:at4", "Panzerfaust 3=item:panzerfaust-3"}},
		{"RPG-7 launchers", []string{"RPG-7=item:rpg-7"}},
		{"an air defence system", []string{"air defence system=item:air-defence-system"}},
		{"air-defense systems", []string{"air-defense systems=item:air-defence-system"}},
		{"drones and UAVs", []string{"drones=item:drone", "UAVs=item:drone"}},
		{"Humvees and armoured vehicles", []string{"Humvees=item:humvee", "armoured vehicles=item:armoured-vehicle"}},
		{"body armour, helmets and night-vision devices", []string{"body armour=item:body-armour", "helmets=item:helmet", "night-vision devices=item:night-vision-device"}},
		{"medical supplies and first aid kits", []string{"medical supplies=item:medical-supplies", "first aid kits=item:first-aid-kit"}},
		{"generators, blankets, tents and sleeping bags", []string{"generators=item:generator", "blankets=item:blanket", "tents=item:tent", "sleeping bags=item:sleeping-bag"}},
		{"food, fuel and medicines", []string{"food=item:food", "fuel=item:fuel", "medicines=item:medicines"}},
		{"hygiene kits and drinking water", []string{"hygiene kits=item:hygiene-kit", "drinking water=item:water"}},
		{"small arms, rifles and machine guns", []string{"small arms=item:small-arms", "rifles=item:rifle", "machine guns=item:machine-gun"}},
		{"grenades and mortars", []string{"grenades=item:grenade", "mortars=item:mortar"}},
		{"an estimated 100,000 troops", []string{"troops=item:troops"}},
		{"howitzer training for Ukrainian crews", []string{"howitzer=item:howitzer", "training=item:training", "Ukrainian=state:UKR"}},
		{"longer-range rockets", []string{"longer-range rockets=item:rocket"}},
		{"a law was passed", nil},
		{"M72 LAWs arrived", []string{"M72 LAWs=item:m72-law"}},
		// Outlets and sources.
		{"Reuters and the Associated Press", []string{"Reuters=outlet:REUTERS", "Associated Press=outlet:AP"}},
		{"AFP and Agence France-Presse", []string{"AFP=outlet:AFP", "Agence France-Presse=outlet:AFP"}},
		{"TASS, Tass and RIA Novosti", []string{"TASS=outlet:TASS", "Tass=outlet:TASS", "RIA Novosti=outlet:RIA"}},
		{"Interfax and Ukrinform", []string{"Interfax=outlet:INTERFAX", "Ukrinform=outlet:UKRINFORM"}},
		{"Ukrainska Pravda and the Kyiv Independent", []string{"Ukrainska Pravda=outlet:UKRPRAVDA", "Kyiv Independent=outlet:KYIVINDEPENDENT"}},
		{"NBC News reported", []string{"NBC News=outlet:NBC"}},
		{"CNN, CBS, ABC News and Fox News", []string{"CNN=outlet:CNN", "CBS=outlet:CBS", "ABC News=outlet:ABC", "Fox News=outlet:FOX"}},
		{"the BBC and Sky News", []string{"BBC=outlet:BBC", "Sky News=outlet:SKY"}},
		{"The Guardian, The Times and The Telegraph", []string{"Guardian=outlet:GUARDIAN", "The Times=outlet:TIMES", "Telegraph=outlet:TELEGRAPH"}},
		{"the Financial Times and The Economist", []string{"Financial Times=outlet:FT", "The Economist=outlet:ECONOMIST"}},
		{"The New York Times and The Washington Post", []string{"New York Times=outlet:NYT", "Washington Post=outlet:WAPO"}},
		{"The Wall Street Journal has reported", []string{"Wall Street Journal=outlet:WSJ"}},
		{"as quoted by The Hill", []string{"The Hill=outlet:HILL"}},
		{"walked up the hill", nil},
		{"Politico, Axios and Bloomberg", []string{"Politico=outlet:POLITICO", "Axios=outlet:AXIOS", "Bloomberg=outlet:BLOOMBERG"}},
		{"Al Jazeera and Anadolu News Agency", []string{"Al Jazeera=outlet:ALJAZEERA", "Anadolu News Agency=outlet:ANADOLU"}},
		{"Deutsche Welle, Der Spiegel and Bild", []string{"Deutsche Welle=outlet:DW", "Der Spiegel=outlet:SPIEGEL", "Bild=outlet:BILD"}},
		{"Le Monde, Kommersant and Izvestia", []string{"Le Monde=outlet:LEMONDE", "Kommersant=outlet:KOMMERSANT", "Izvestia=outlet:IZVESTIA"}},
		{"RT, Meduza and Nexta", []string{"RT=outlet:RT", "Meduza=outlet:MEDUZA", "Nexta=outlet:NEXTA"}},
		{"the SBU said", []string{"SBU=source:security-service-of-ukraine@UKR"}},
		{"the Institute for the Study of War", []string{"Institute for the Study of War=source:institute-for-the-study-of-war@USA"}},
		// Places.
		{"Mariupol, Bucha and Irpin", []string{"Mariupol=place:mariupol", "Bucha=place:bucha", "Irpin=place:irpin"}},
		{"the Kharkiv region and the Kharkov oblast", []string{"Kharkiv region=place:kharkiv-oblast", "Kharkov oblast=place:kharkiv-oblast"}},
		{"Odessa and Odesa", []string{"Odessa=place:odesa", "Odesa=place:odesa"}},
		{"the Zaporizhzhia nuclear power plant", []string{"Zaporizhzhia nuclear power plant=place:zaporizhzhia-nuclear-power-plant"}},
		{"Severodonetsk and Sievierodonetsk", []string{"Severodonetsk=place:severodonetsk", "Sievierodonetsk=place:severodonetsk"}},
		{"Crimea and the Donbas", []string{"Crimea=place:crimea", "Donbas=place:donbas"}},
		{"the Azovstal steelworks", []string{"Azovstal steelworks=place:azovstal"}},
		{"Belgorod and Transnistria", []string{"Belgorod=place:belgorod", "Transnistria=place:transnistria"}},
		// Hard negatives.
		{"Talks may resume in May.", nil},
		{"Let us know, he told us.", nil},
		{"A Turkey dinner was served.", nil},
		{"They ate turkey.", nil},
		{"Jordan Peterson spoke.", nil},
		{"Jordan and Egypt agreed.", []string{"Jordan=state:JOR", "Egypt=state:EGY"}},
		{"King Abdullah of Jordan", []string{"King=role:monarch@", "Jordan=state:JOR"}},
		{"Paris Hilton arrived.", nil},
		{"in Latin America", nil},
		{"New Mexico and New Jersey", nil},
		{"the Russian roulette of war", nil},
		{"Brussels sprouts", nil},
		{"a chad hung from the ballot", nil},
		{"Ukrainestan", nil},
		{"the Indian Ocean", nil},
		{"Georgia's parliament", []string{"Georgia's parliament=role:parliament@GEO"}},
		{"Atlanta, Georgia", nil},
		{"He said no.", nil},
		{"The city of Washingtonville", nil},
		{"the commission met", nil},
		// Names never cross a blank line.
		{"United\n\nStates", nil},
		// A model's variant the catalogue does not list is the model.
		{"22 M109A3GN howitzers", []string{"M109A3GN howitzers=item:m109"}},
		{"two M777A3 guns", []string{"M777A3=item:m777"}},
		// Only models: "G7B" is no variant of the G7.
		{"the G7B plan", nil},
	}
	l := Default()
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			ms := l.Find(tc.in)
			var got []string
			for i, m := range ms {
				withForm := i < len(tc.want) && strings.Contains(tc.want[i], "#")
				got = append(got, describe(tc.in, m, withForm))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestFindOffsets checks that matches are in order, do not overlap and point
// at the text they name, on a paragraph with curly quotes and accents.
func TestFindOffsets(t *testing.T) {
	src := "“We will help,” Ukraine’s foreign minister, Dmytro Kuleba, said in Kyiv after talks with Élisabeth Borne.\n\nThe Élysée confirmed a delivery of Caesar howitzers to Odesa."
	ms := Default().Find(src)
	if len(ms) < 5 {
		t.Fatalf("only %d matches in %q", len(ms), src)
	}
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(src) {
			t.Fatalf("match [%d,%d) out of order or range", m.Start, m.End)
		}
		prev = m.End
	}
	want := map[string]string{
		"Ukraine’s foreign minister, Dmytro Kuleba": "dmytro-kuleba",
		"Kyiv":             "UKR",
		"Élisabeth Borne":  "elisabeth-borne",
		"Élysée":           "FRA",
		"Caesar howitzers": "caesar",
		"Odesa":            "odesa",
	}
	for _, m := range ms {
		if code, ok := want[src[m.Start:m.End]]; ok && code == m.Entry.Code {
			delete(want, src[m.Start:m.End])
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
}

// TestAlso checks that words naming several entries keep the others.
func TestAlso(t *testing.T) {
	tests := []struct {
		in, span string
		primary  Kind
		also     Kind
	}{
		{"Strikes hit Kyiv overnight.", "Kyiv", KindState, KindPlace},
		{"the White House said", "White House", KindState, KindSource},
		{"Ukraine's defence minister Oleksii Reznikov said", "Ukraine's defence minister Oleksii Reznikov", KindPerson, KindRole},
	}
	for _, tc := range tests {
		ms := Default().Find(tc.in)
		found := false
		for _, m := range ms {
			if tc.in[m.Start:m.End] != tc.span {
				continue
			}
			found = true
			if m.Entry.Kind != tc.primary {
				t.Errorf("%q: primary %s, want %s", tc.span, m.Entry.Kind, tc.primary)
			}
			ok := false
			for _, a := range m.Also {
				ok = ok || a.Kind == tc.also
			}
			if !ok {
				t.Errorf("%q: no %s among %v", tc.span, tc.also, m.Also)
			}
		}
		if !found {
			t.Errorf("%q not matched in %q", tc.span, tc.in)
		}
	}
}

func TestRoleEntryCountry(t *testing.T) {
	tests := []struct {
		in, role, country, place string
	}{
		{"the German government spokesperson said", "spokesperson", "DEU", ""},
		{"Lithuania's defence minister said", "defence-minister", "LTU", ""},
		{"the Donetsk governor said", "governor", "UKR", "Donetsk"},
		{"Kharkiv regional prosecutors said", "prosecutors", "UKR", "Kharkiv"},
		{"the NATO chief said", "chief", "NATO", ""},
		{"the spokesperson said", "spokesperson", "", ""},
	}
	for _, tc := range tests {
		ms := Default().Find(tc.in)
		var role *Entry
		for _, m := range ms {
			if m.Entry.Kind == KindRole {
				role = m.Entry
			}
		}
		if role == nil {
			t.Errorf("%q: no role match in %v", tc.in, ms)
			continue
		}
		if role.Code != tc.role || role.Country != tc.country || role.Place != tc.place {
			t.Errorf("%q: role %s country %q place %q, want %s %q %q", tc.in, role.Code, role.Country, role.Place, tc.role, tc.country, tc.place)
		}
	}
}

func TestGetAndLookup(t *testing.T) {
	l := Default()
	tests := []struct {
		kind       Kind
		name, code string
	}{
		{KindState, "Ukraine", "UKR"},
		{KindState, "the United States", "USA"},
		{KindOutlet, "the Wall Street Journal", "WSJ"},
		{KindState, "united states", "USA"},
		{KindState, "Britain", "GBR"},
		{KindState, "Russian Federation", "RUS"},
		{KindState, "ELYSEE", "FRA"},
		{KindState, "Côte d'Ivoire", "CIV"},
		{KindOrg, "North Atlantic Treaty Organization", "NATO"},
		{KindOrg, "UN refugee agency", "UNHCR"},
		{KindGroup, "Baltic states", "BALTICS"},
		{KindPerson, "Volodymyr Zelensky", "volodymyr-zelenskiy"},
		{KindOutlet, "Anadolu News Agency", "ANADOLU"},
		{KindOutlet, "WSJ", "WSJ"},
		{KindSource, "State Emergency Service of Ukraine", "state-emergency-service-of-ukraine"},
		{KindItem, "stinger missiles", "stinger"},
		{KindItem, "anti-tank missile launchers", "anti-tank-missile-launcher"},
		{KindItem, "Bayraktar TB2", "bayraktar"},
		{KindPlace, "Kiev", "kyiv"},
		{KindPlace, "Kharkiv region", "kharkiv-oblast"},
		{KindRole, "defence minister", "defence-minister"},
		{KindState, "Atlantis", ""},
		{KindItem, "Ukraine", ""},
	}
	for _, tc := range tests {
		e := l.Lookup(tc.kind, tc.name)
		got := ""
		if e != nil {
			got = e.Code
		}
		if got != tc.code {
			t.Errorf("Lookup(%s, %q) = %q, want %q", tc.kind, tc.name, got, tc.code)
		}
	}
	if e := l.Get(KindState, "UKR"); e == nil || e.Name != "Ukraine" {
		t.Errorf("Get(state, UKR) = %v", e)
	}
	if e := l.Get(KindPerson, "dmitry-peskov"); e == nil || e.Country != "RUS" || e.Role != "spokesperson" {
		t.Errorf("Get(person, dmitry-peskov) = %+v", e)
	}
	if e := l.Get(KindGroup, "BALTICS"); e == nil || strings.Join(e.Members, " ") != "EST LVA LTU" {
		t.Errorf("Get(group, BALTICS) = %+v", e)
	}
	if e := l.Get(KindPlace, "mariupol"); e == nil || e.Country != "UKR" || e.Lat < 46.9 || e.Lat > 47.3 || e.Lon < 37.3 || e.Lon > 37.8 {
		t.Errorf("Get(place, mariupol) = %+v", e)
	}
	if e := l.Get(KindItem, "stinger"); e == nil || e.Category != "air defence" || e.Mode != "military" {
		t.Errorf("Get(item, stinger) = %+v", e)
	}
	if l.Get(KindState, "XXX") != nil {
		t.Error("Get(state, XXX) found something")
	}
}

// TestDataConsistent loads the embedded data and checks it across files.
func TestDataConsistent(t *testing.T) {
	l := Default()
	if err := l.Validate(); err != nil {
		t.Fatalf("data inconsistent:\n%v", err)
	}
	min := map[Kind]int{KindState: 197, KindPerson: 120, KindOrg: 25, KindOutlet: 35, KindItem: 80, KindPlace: 100, KindRole: 30, KindGroup: 4, KindSource: 10}
	for k, n := range min {
		if got := len(l.Entries(k)); got < n {
			t.Errorf("%s: %d entries, want at least %d", k, got, n)
		}
	}
	for _, e := range l.Entries(KindState) {
		if len(e.Code) != 3 || strings.ToUpper(e.Code) != e.Code {
			t.Errorf("state %q: code %q is not three capital letters", e.Name, e.Code)
		}
	}
}

// TestUNMembers checks that every UN member and observer state is present.
func TestUNMembers(t *testing.T) {
	codes := strings.Fields(`AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ
		BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI
		CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO
		DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
		KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT
		MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW
		PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
		SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM
		TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE VAT PSE XKX TWN`)
	if len(codes) != 197 {
		t.Fatalf("the list has %d codes, want 193 members, 2 observers, Kosovo and Taiwan", len(codes))
	}
	for _, c := range codes {
		if Default().Get(KindState, c) == nil {
			t.Errorf("state %s missing", c)
		}
	}
}

// TestNewRejectsBadData feeds malformed files to New and expects errors that
// name the file and line.
func TestNewRejectsBadData(t *testing.T) {
	good := func() fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, f := range []string{"states.tsv", "groups.tsv", "orgs.tsv", "roles.tsv", "people.tsv", "outlets.tsv", "sources.tsv", "items.tsv", "places.tsv", "stop.tsv"} {
			b, err := dataFS.ReadFile("data/" + f)
			if err != nil {
				t.Fatalf("read embedded %s: %v", f, err)
			}
			fsys[f] = &fstest.MapFile{Data: b}
		}
		return fsys
	}
	if _, err := New(good()); err != nil {
		t.Fatalf("embedded data copied to a MapFS does not load: %v", err)
	}
	tests := []struct {
		file, add, want string
	}{
		{"states.tsv", "UKRA\tNowhere\t\t\t\t\t\n", "three capital letters"},
		{"states.tsv", "ABC\tToo few columns\n", "columns"},
		{"states.tsv", "UKR\tUkraine again\t\t\t\t\t\n", "duplicate"},
		{"places.tsv", "Nowhere\t\t\tcity\tUKR\tnorth\t30.0\t\n", "coordinates"},
		{"places.tsv", "Far away\t\t\tcity\tUKR\t95\t30.0\t\n", "out of range"},
		{"places.tsv", "Odd town\t\t\tcity\tUKR\t47.0\t30.0\tUKR\n", "held"},
		{"items.tsv", "widget\tequipment\tmilitary\tgadget\t\t\n", "system nor generic"},
		{"items.tsv", "widget\tequipment\tcivil\tgeneric\t\t\n", "mode"},
		{"roles.tsv", "hero\thero\thero\tperson\t\tz\n", "flag"},
		{"sources.tsv", "Somebody\t\tgossip\tUKR\t\n", "official nor organisation"},
	}
	for _, tc := range tests {
		fsys := good()
		fsys[tc.file] = &fstest.MapFile{Data: append(append([]byte{}, fsys[tc.file].Data...), tc.add...)}
		_, err := New(fsys)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
			t.Errorf("%s + %q: error %v, want one naming the file and saying %q", tc.file, tc.add, err, tc.want)
		}
	}
	// A person whose country does not exist loads but fails validation.
	fsys := good()
	fsys["people.tsv"] = &fstest.MapFile{Data: append(append([]byte{}, fsys["people.tsv"].Data...), "Nobody Known\t\tKnown\tpresident\tXYZ\t\n"...)}
	l, err := New(fsys)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "XYZ") {
		t.Errorf("Validate = %v, want an error naming XYZ", err)
	}
	// An alias given to two states without a ? marker fails validation.
	fsys = good()
	fsys["states.tsv"] = &fstest.MapFile{Data: append(append([]byte{}, fsys["states.tsv"].Data...), "ZZZ\tZedland\tRuritania\t\t\t\t\nZZY\tYland\tRuritania\t\t\t\t\n"...)}
	if l, err = New(fsys); err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "Ruritania") {
		t.Errorf("Validate = %v, want an error naming the shared alias", err)
	}
}

// benchParagraph is news prose written for the benchmark, dense with the
// names, roles and items the lexicon knows.
const benchParagraph = `Ukraine's defence minister Oleksii Reznikov said on Tuesday that the first HIMARS launchers had arrived, as the Pentagon announced another $450 million package of ammunition, counter-battery radars and Switchblade drones. In Moscow, Kremlin spokesman Dmitry Peskov said the deliveries would only prolong the conflict, while Russia's defence ministry claimed its forces had destroyed Western-supplied howitzers near Lysychansk. The UN refugee agency said more than five million people had fled to Poland, Romania and Moldova, and the European Union agreed a further €500 million through the European Peace Facility. Britain's Ministry of Defence said Russian-backed separatists were shelling Sievierodonetsk, and the governor of the Luhansk region, Serhiy Haidai, urged civilians to leave. Officials in Kyiv told Reuters that German Gepard anti-aircraft guns and Slovak S-300 systems were expected within weeks.
`

func BenchmarkFind(b *testing.B) {
	src := strings.Repeat(benchParagraph, 32)
	l := Default()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		l.Find(src)
	}
}

func fsSub() (fs.FS, error) { return fs.Sub(dataFS, "data") }

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		sub, err := fsSub()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(sub); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFindTokensMatchesFind checks that matching a sentence's tokens gives
// what matching the whole text gives within that sentence.
func TestFindTokensMatchesFind(t *testing.T) {
	src := "Ukraine's defence minister Oleksii Reznikov thanked the U.S. The Kremlin said nothing.\n\nBritain's Ministry of Defence reported shelling near Izium."
	l := Default()
	all := map[string]bool{}
	for _, m := range l.Find(src) {
		all[describe(src, m, true)] = true
	}
	n := 0
	for _, s := range text.Sentences(src) {
		for _, m := range l.FindTokens(src, s.Tokens) {
			n++
			if d := describe(src, m, true); !all[d] {
				t.Errorf("FindTokens on a sentence gave %s, which Find did not", d)
			}
		}
	}
	if n != len(all) {
		t.Errorf("sentences gave %d matches, the whole text %d", n, len(all))
	}
}

// TestFindConcurrent runs Find from several goroutines; role entries are
// made on demand and must be shared safely.
func TestFindConcurrent(t *testing.T) {
	l := Default()
	want := l.Find(benchParagraph)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got := l.Find(benchParagraph)
				if len(got) != len(want) {
					errs <- fmt.Sprintf("%d matches, want %d", len(got), len(want))
					return
				}
				for j := range got {
					if got[j].Start != want[j].Start || got[j].Entry != want[j].Entry {
						errs <- fmt.Sprintf("match %d differs", j)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

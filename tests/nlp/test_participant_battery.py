"""Participants round 10: a battery of wire-report sentences of our own with participant
phrasings the round-9 tests do not cover (victims told in a later sentence, "the dead
included", possessors of the thing attacked, "targeting X", "aimed at X", "X was the target
of", pronoun victims, arrests told by name and role, "suspected militants", "unknown
gunmen", protests, sanctions, threats, claims of responsibility), each with the actors,
recipients and claimants the codebook asks for (exact substrings; a named person or group
over a description the text equates with it; ``[]`` when unknown or none). A case is read
as the incident scorer reads it (``people_ok``: gold ``[]`` wants none predicted, else one
predicted participant shares a content word with one gold string); ``None`` is not
checked. The failures we could not fix are marked, each with why (docs/EVALUATION.md,
"Participants, round 10")."""

from __future__ import annotations

import pytest

from eventwire.evaluate.incidents import people_ok
from eventwire.model import Event, make_article

from .records import known_failure

pytestmark = pytest.mark.model


_known = known_failure


# (text, category, a word of the act's mention, actors, recipients, claimed_by)
BATTERY = [
    # -- victims told in a later sentence ------------------------------------------------
    ("An explosion ripped through a bus station in Quetta on Monday. Among the dead were "
     "three police officers.",
     "ASSAULT", "explosion", [], ["three police officers"], None),
    ("A bomb exploded at a wedding party in Nangarhar province on Saturday. The dead included "
     "women and children, a provincial spokesman said.",
     "ASSAULT", "exploded", [], ["women and children"], None),
    ("A shooting at a nightclub in Tulsa early Sunday left one man dead. The victim was "
     "identified as Darnell Price, 24.",
     "ASSAULT", "shooting", [], ["Darnell Price"], None),
    ("A man was shot dead outside a bar in Belfast on Saturday night. Police named him as "
     "Sean Quinn, 38.",
     "ASSAULT", "shot", [], ["Sean Quinn"], None),
    ("Gunmen opened fire on a minibus in Karachi on Friday. Among those killed was a "
     "retired judge.",
     "ASSAULT", "opened fire", ["Gunmen"], ["a minibus", "a retired judge"], None),
    ("A taxi driver was found dead in his car in Durban on Monday. He had been shot twice in "
     "the head, police said.",
     "ASSAULT", "shot", [], ["A taxi driver"], None),
    ("Prosecutor Miguel Arroyo left the courthouse on Tuesday afternoon. Minutes later he was "
     "shot dead by two men on a motorcycle.",
     "ASSAULT", "shot", ["two men on a motorcycle"], ["Miguel Arroyo"], None),
    ("Activist Sara Nasser went missing on Friday. Her family said she had been abducted by "
     "security agents.",
     "ASSAULT", "abducted", ["security agents"], ["Sara Nasser"], None),
    ("Student hacked to death in Dhaka\n\nA university student was hacked to death in Dhaka "
     "on Sunday by a group of men armed with machetes.",
     "ASSAULT", "hacked", ["a group of men armed with machetes"], ["A university student"],
     None),
    ("A police officer was killed and two others were wounded when militants attacked their "
     "patrol in Sinai.",
     "ASSAULT", "attacked", ["militants"], ["A police officer", "their patrol"], None),
    ("Two people were shot dead at a petrol station in Soweto on Sunday. Police identified "
     "them as Thabo Mokoena and Sipho Dlamini.",
     "ASSAULT", "shot", [], ["Thabo Mokoena", "Sipho Dlamini"], None),
    ("Two men were killed in a knife attack in Lyon on Friday. The victims were identified as "
     "Karim Haddou, 31, and Paul Girard, 45.",
     "ASSAULT", "killed", [], ["Karim Haddou", "Paul Girard"], None),
    # -- possessors of the thing attacked ------------------------------------------------
    ("The mayor's convoy was ambushed outside Culiacan on Thursday.",
     "ASSAULT", "ambushed", [], ["The mayor"], None),
    ("Militants attacked the governor's residence in Jalalabad late on Monday.",
     "ASSAULT", "attacked", ["Militants"], ["the governor's residence"], None),
    pytest.param("A journalist's car was set on fire outside his home in Tijuana.",
                 "ASSAULT", "set on fire", [], ["A journalist's car"], None,
                 marks=_known("no event: the passive 'was set on fire' is no trigger (a "
                              "trigger question)")),
    ("Gunmen fired on the home of a local councillor in Guerrero overnight.",
     "ASSAULT", "fired", ["Gunmen"], ["the home of a local councillor"], None),
    # -- targeting, aimed at, the target of, an attack on ---------------------------------
    ("A suicide bomber struck a mosque in Peshawar on Friday in an attack targeting Shia "
     "worshippers.",
     "ASSAULT", "attack", ["A suicide bomber"], ["a mosque", "Shia worshippers"], None),
    ("Two bombs exploded in Baghdad on Sunday in attacks apparently targeting Shiite "
     "pilgrims.",
     "ASSAULT", "exploded", [], ["Shiite pilgrims"], None),
    ("A rocket attack aimed at the US embassy in Baghdad caused no casualties.",
     "ASSAULT", "attack", [], ["the US embassy"], None),
    ("Police said the bombing was aimed at a police convoy.",
     "ASSAULT", "bombing", [], ["a police convoy"], None),
    ("The prime minister was the target of a failed assassination attempt on Wednesday.",
     "ASSAULT", "assassination", [], ["The prime minister"], None),
    ("The defence minister was the target of a car bombing in Kabul on Tuesday.",
     "ASSAULT", "bombing", [], ["The defence minister"], None),
    ("Three soldiers were killed in an attack on an army post in northern Mali.",
     "ASSAULT", "killed", [], ["Three soldiers", "an army post"], None),
    ("The attack targeted a convoy carrying foreign engineers.",
     "ASSAULT", "attack", [], ["a convoy carrying foreign engineers"], None),
    ("Gunmen attacked a bus carrying pilgrims in Kashmir on Sunday, killing nine people.",
     "ASSAULT", "attacked", ["Gunmen"], ["a bus carrying pilgrims", "nine people"], None),
    # -- arrests told by name and role --------------------------------------------------
    ("Police detained opposition leader Kemal Arslan at his home in Ankara on Thursday.",
     "COERCE", "detained", ["Police"], ["Kemal Arslan"], None),
    ("Authorities arrested prominent journalist Ali Rezaei in Tehran on Saturday.",
     "COERCE", "arrested", ["Authorities"], ["Ali Rezaei"], None),
    ("Security forces arrested the leader of the banned party, Tomas Rivera, in a dawn "
     "raid.",
     "COERCE", "arrested", ["Security forces"], ["Tomas Rivera"], None),
    ("Former minister Lina Haddad was detained on Sunday, her lawyer said.",
     "COERCE", "detained", [], ["Lina Haddad"], None),
    ("Riot police detained at least 30 people, including human rights lawyer Nadia "
     "Karimi.",
     "COERCE", "detained", ["Riot police"], ["Nadia Karimi"], None),
    ("Police in Lagos arrested 20 protesters on charges of unlawful assembly.",
     "COERCE", "arrested", ["Police"], ["20 protesters"], None),
    ("The authorities arrested two men suspected of planning an attack on a stadium.",
     "COERCE", "arrested", ["The authorities"], ["two men"], None),
    ("Kenyan police arrested a man over the killing of a British tourist.",
     "COERCE", "arrested", ["Kenyan police"], ["a man"], None),
    # -- the doers: suspected, unknown, armed men, security forces ------------------------
    ("Suspected militants killed four soldiers in an ambush in Borno state on Monday.",
     "ASSAULT", "killed", ["Suspected militants"], ["four soldiers"], None),
    ("Unknown gunmen shot dead a local councillor in Guerrero on Tuesday.",
     "ASSAULT", "shot dead", ["Unknown gunmen"], ["a local councillor"], None),
    ("Security forces opened fire on protesters in Khartoum on Sunday, killing three.",
     "ASSAULT", "opened fire", ["Security forces"], ["protesters"], None),
    ("Two policemen were shot dead by suspected separatists in Anantnag.",
     "ASSAULT", "shot dead", ["suspected separatists"], ["Two policemen"], None),
    ("Armed men in military uniforms abducted 12 villagers in Zamfara state on Wednesday.",
     "ASSAULT", "abducted", ["Armed men in military uniforms"], ["12 villagers"], None),
    ("A gunman opened fire on worshippers at a synagogue on Saturday. The gunman, identified "
     "as Robert Kane, 46, was taken into custody.",
     "ASSAULT", "opened fire", ["Robert Kane"], ["worshippers"], None),
    ("Police said the attacker, a 25-year-old man named Omar Farid, stabbed three people at a "
     "train station.",
     "ASSAULT", "stabbed", ["Omar Farid"], ["three people"], None),
    ("Israeli troops shot dead a Palestinian man at a checkpoint near Hebron, the army "
     "said.",
     "ASSAULT", "shot dead", ["Israeli troops"], ["a Palestinian man"], None),
    ("Rebels ambushed a military convoy in North Kivu, killing six soldiers.",
     "ASSAULT", "ambushed", ["Rebels"], ["a military convoy"], None),
    ("Gunmen kidnapped a Catholic priest from his parish in Kaduna state on Sunday.",
     "ASSAULT", "kidnapped", ["Gunmen"], ["a Catholic priest"], None),
    ("Gunmen killed Ahmed Wali, a tribal elder, in Khost province on Friday.",
     "ASSAULT", "killed", ["Gunmen"], ["Ahmed Wali"], None),
    ("A teacher was stabbed to death by a former student at a school in Nantes.",
     "ASSAULT", "stabbed", ["a former student"], ["A teacher"], None),
    ("Two journalists covering the protest were beaten by police.",
     "ASSAULT", "beaten", ["police"], ["Two journalists"], None),
    ("A soldier was wounded when a roadside bomb struck his vehicle near Kandahar.",
     "ASSAULT", "wounded", [], ["A soldier"], None),
    ("Angry residents torched a police station in Bihar after a man died in custody.",
     "ASSAULT", "torched", ["Angry residents"], ["a police station"], None),
    ("Militants stormed a girls' school in Kunduz and set it on fire.",
     "ASSAULT", "stormed", ["Militants"], ["a girls' school"], None),
    ("Police fired rubber bullets at demonstrators in Santiago on Friday.",
     "ASSAULT", "fired", ["Police"], ["demonstrators"], None),
    ("Two aid workers were kidnapped in South Sudan on Tuesday. Their employer said the pair "
     "were abducted by armed men near Yei.",
     "ASSAULT", "kidnapped", ["armed men"], ["Two aid workers"], None),
    ("Hackers attacked the websites of several government ministries on Monday.",
     "COERCE", "attacked", ["Hackers"], ["the websites of several government ministries"],
     None),
    # -- seizures, raids, closures ------------------------------------------------------
    ("Police raided the offices of an opposition newspaper in Harare on Monday.",
     "COERCE", "raided", ["Police"], ["the offices of an opposition newspaper"], None),
    ("Authorities shut down the country's largest independent television station on "
     "Monday.",
     "COERCE", "shut down", ["Authorities"],
     ["the country's largest independent television station"], None),
    # -- protests ----------------------------------------------------------------------
    ("Thousands of teachers marched in Nairobi on Monday demanding higher pay.",
     "PROTEST", "marched", ["Thousands of teachers"], [], None),
    ("Farmers blocked highways across the country on Monday in protest against new taxes.",
     "PROTEST", "protest", ["Farmers"], None, None),
    ("Supporters of the jailed opposition leader rallied outside the courthouse on Friday.",
     "PROTEST", "rallied", ["Supporters of the jailed opposition leader"], [], None),
    ("Doctors went on strike on Wednesday to demand better security at hospitals.",
     "PROTEST", "strike", ["Doctors"], [], None),
    ("Hundreds of students staged a sit-in at the education ministry on Tuesday.",
     "PROTEST", "sit-in", ["Hundreds of students"], [], None),
    # -- sanctions --------------------------------------------------------------------
    ("The EU imposed sanctions on five officials over the crackdown.",
     "SANCTION", "sanctions", ["The EU"], ["five officials"], None),
    ("Washington slapped sanctions on three Russian banks on Friday.",
     "SANCTION", "sanctions", ["Washington"], ["three Russian banks"], None),
    ("The United States sanctioned two Iranian generals on Tuesday.",
     "SANCTION", "sanctioned", ["The United States"], ["two Iranian generals"], None),
    ("Britain expelled four Russian diplomats on Thursday.",
     "SANCTION", "expelled", ["Britain"], ["four Russian diplomats"], None),
    ("Canada announced new sanctions against Myanmar's military leaders.",
     "SANCTION", "sanctions", ["Canada"], ["Myanmar's military leaders"], None),
    ("The EU froze the assets of 11 Belarusian officials on Monday.",
     "SANCTION", "froze", ["The EU"], ["11 Belarusian officials"], None),
    ("The Treasury Department imposed sanctions on Venezuela's state oil company.",
     "SANCTION", "sanctions", ["The Treasury Department"], ["Venezuela's state oil company"],
     None),
    # -- threats ----------------------------------------------------------------------
    ("The gang threatened to kill the journalist if he kept reporting on the cartel.",
     "THREATEN", "threatened", ["The gang"], ["the journalist"], None),
    ("Militants threatened to behead the hostages unless a ransom was paid.",
     "THREATEN", "threatened", ["Militants"], ["the hostages"], None),
    ("Al-Shabaab threatened to attack Kenyan schools.",
     "THREATEN", "threatened", ["Al-Shabaab"], ["Kenyan schools"], None),
    pytest.param("The cartel threatened the mayor of Apatzingan with death.",
                 "THREATEN", "threatened", ["The cartel"], ["the mayor of Apatzingan"], None,
                 marks=_known("no event: 'threatened X with death' is not read as a threat (a"
                              " trigger question)")),
    pytest.param("In a video, the group's leader threatened more attacks on Western targets.",
                 "THREATEN", "threatened", ["the group's leader"], ["Western targets"], None,
                 marks=_known("a threat's actor must be a side: 'leader' has no sector and is"
                              " no person noun (the target is read)")),
    ("The rebels threatened to shoot down any aircraft entering the zone.",
     "THREATEN", "threatened", ["The rebels"], ["any aircraft entering the zone"], None),
    # -- claims of responsibility -------------------------------------------------------
    ("A suicide bomber killed 15 people at a police academy in Kabul on Monday. The Taliban "
     "claimed responsibility for the attack.",
     "ASSAULT", "killed", None, ["15 people"], ["The Taliban"]),
    ("A car bomb exploded in Mogadishu on Saturday, killing nine people. Al-Shabaab claimed "
     "responsibility in a statement.",
     "ASSAULT", "exploded", None, ["nine people"], ["Al-Shabaab"]),
    ("Islamic State claimed the bombing, which killed 20 people at a market.",
     "ASSAULT", "bombing", None, ["20 people"], ["Islamic State"]),
    ("A bomb ripped through a bus in Quetta on Tuesday. In a statement, the Balochistan "
     "Liberation Army said its fighters had carried out the attack.",
     "ASSAULT", "ripped", None, None, ["the Balochistan Liberation Army"]),
    ("A bomb exploded near a police station in Diyarbakir on Monday, wounding seven officers. "
     "The PKK claimed responsibility.",
     "ASSAULT", "exploded", None, ["seven officers"], ["The PKK"]),
    ("Boko Haram fighters killed 30 villagers in Borno state on Sunday. The group claimed "
     "responsibility in a video.",
     "ASSAULT", "killed", ["Boko Haram fighters"], ["30 villagers"], ["Boko Haram"]),
    ("A gunman attacked a hotel in Bamako on Friday. The attack was claimed by the "
     "al-Mourabitoun group.",
     "ASSAULT", "attacked", None, ["a hotel"], ["the al-Mourabitoun group"]),
    ("The Pakistani Taliban said on Sunday that they carried out the bombing.",
     "ASSAULT", "bombing", None, None, ["The Pakistani Taliban"]),
    ("A roadside bomb killed two soldiers in Kunar on Friday. No group has yet "
     "claimed responsibility for the blast.",
     "ASSAULT", "killed", [], ["two soldiers"], []),
    ("The Islamic State group said its fighters had killed 12 Iraqi soldiers near Mosul.",
     "ASSAULT", "killed", None, ["12 Iraqi soldiers"], None),
    ("Gunmen killed six police officers in Dagestan on Sunday. The Islamic State group, "
     "which claimed the attack, said its fighters had used automatic weapons.",
     "ASSAULT", "killed", ["Gunmen"], ["six police officers"], ["The Islamic State group"]),
    # -- local crime reports ----------------------------------------------------------
    ("A Chicago police officer shot and killed a man who was armed with a knife, "
     "authorities said.",
     "ASSAULT", "shot", ["A Chicago police officer"], ["a man"], None),
    ("A deputy was injured when a suspect rammed his patrol car on Highway 9.",
     "ASSAULT", "injured", ["a suspect"], ["A deputy"], None),
    ("Two people were wounded in a drive-by shooting on the city's east side late "
     "Saturday.",
     "ASSAULT", "wounded", [], ["Two people"], None),
    ("The homeowner shot an intruder who had broken into his house, police said.",
     "ASSAULT", "shot", ["The homeowner"], ["an intruder"], None),
    ("A store clerk was robbed at gunpoint on Tuesday night. The suspect fled with cash.",
     "ASSAULT", "robbed", None, ["A store clerk"], None),
    ("Authorities said the gunman, who was later identified as Kevin Marsh, killed his "
     "estranged wife before turning the gun on himself.",
     "ASSAULT", "killed", ["Kevin Marsh"], ["his estranged wife"], None),
    ("Marcus Bell, 19, was walking home on Friday night. He was shot in the chest and died "
     "at the scene.",
     "ASSAULT", "shot", [], ["Marcus Bell"], None),
    ("A man died after being stabbed in Dublin on Sunday. Police named the dead man as Liam "
     "Walsh.",
     "ASSAULT", "stabbed", [], ["Liam Walsh"], None),
    ("A man named Jamal Odeh opened fire on shoppers at a market on Friday.",
     "ASSAULT", "opened fire", ["Jamal Odeh"], ["shoppers"], None),
    ("Another of the robbers, identified as Tyrell Mason, was wounded by a security guard.",
     "ASSAULT", "wounded", ["a security guard"], ["Tyrell Mason"], None),
    ("A man was shot and killed in his car on Saturday night. Investigators identified him "
     "as Carl Benton.",
     "ASSAULT", "shot", [], ["Carl Benton"], None),
    ("Devon Price, 28, was found shot in his truck outside a motel on Birch Lane.",
     "ASSAULT", "shot", [], ["Devon Price"], None),
    pytest.param("Police have released the names of the victims of Saturday's shooting. "
                 "Leon Hart, 41, was pronounced dead at the scene.",
                 "ASSAULT", "shooting", [], ["Leon Hart"], None,
                 marks=_known("plural 'the victims' takes no one name: the one pronounced "
                              "dead is one of them, not all")),
    ("Sixteen-year-old Jalen Brooks was shot twice in the leg on Friday evening.",
     "ASSAULT", "shot", [], ["Jalen Brooks"], None),
    ("Police are investigating a shooting on Oak Street. A 22-year-old man suffered a gunshot "
     "wound to the leg.",
     "ASSAULT", "shooting", [], ["A 22-year-old man"], None),
    ("A nine-year-old girl was hit by a stray bullet while playing outside her home.",
     "ASSAULT", "hit", [], ["A nine-year-old girl"], None),
    ("A bullet struck a woman sitting in her living room on Elm Avenue.",
     "ASSAULT", "struck", [], ["a woman"], None),
    ("Two bystanders were wounded by shrapnel when the device went off.",
     "ASSAULT", "wounded", [], ["Two bystanders"], None),
    pytest.param("The shooting victim, a 45-year-old father of three, died at the hospital.",
                 "ASSAULT", "shooting", [],
                 ["a 45-year-old father of three", "The shooting victim"], None,
                 marks=_known("no event: an act noun modifying another noun ('shooting "
                              "victim') tells no act of its own")),
    ("Police are investigating a shooting on Elm Street. The victim died at the scene.",
     "ASSAULT", "shooting", [], ["The victim"], None),
    ("Police responded to reports of gunfire near the park on Friday night. The victims were "
     "two teenagers.",
     "ASSAULT", "gunfire", [], ["two teenagers"], None),
    ("A shooting outside a bar left the neighbourhood shaken on Sunday. Police later "
     "identified the victim as Omar Diallo.",
     "ASSAULT", "shooting", [], ["Omar Diallo"], None),
    # -- wire reports of attacks -------------------------------------------------------
    ("A suicide car bomber targeted a convoy of foreign troops in Kabul on Tuesday.",
     "ASSAULT", "targeted", ["A suicide car bomber"], ["a convoy of foreign troops"], None),
    ("Insurgents attacked a checkpoint manned by pro-government militia in Helmand.",
     "ASSAULT", "attacked", ["Insurgents"], ["a checkpoint"], None),
    ("Three Turkish soldiers were killed by a roadside bomb planted by PKK militants in "
     "Hakkari province.",
     "ASSAULT", "killed", None, ["Three Turkish soldiers"], None),
    ("An Israeli airstrike killed a senior Hamas commander in Gaza City on Tuesday.",
     "ASSAULT", "killed", ["Israeli"], ["a senior Hamas commander"], None),
    ("Saudi-led coalition warplanes bombed a market in northern Yemen, killing 20 "
     "civilians.",
     "ASSAULT", "bombed", ["Saudi-led coalition warplanes"], ["a market", "20 civilians"],
     None),
    ("Riot police beat protesters with batons outside the ministry on Monday.",
     "ASSAULT", "beat", ["Riot police"], ["protesters"], None),
    ("Unidentified assailants hurled a petrol bomb at the offices of the ruling party.",
     "ASSAULT", "hurled", ["Unidentified assailants"], ["the offices of the ruling party"],
     None),
    ("Five people, including two police officers, were wounded when a grenade exploded in a "
     "crowded market.",
     "ASSAULT", "wounded", [], ["Five people", "two police officers"], None),
    ("A prominent human rights lawyer was gunned down outside his office in Bogota on "
     "Thursday.",
     "ASSAULT", "gunned down", [], ["A prominent human rights lawyer"], None),
    ("Gunmen on motorcycles shot dead a police officer and his son in Quetta.",
     "ASSAULT", "shot dead", ["Gunmen on motorcycles"], ["a police officer", "his son"], None),
    ("A mob lynched two men accused of cattle theft in Jharkhand state.",
     "ASSAULT", "lynched", ["A mob"], ["two men"], None),
    ("Masked men abducted a university professor from his home in Basra. His body was found "
     "two days later.",
     "ASSAULT", "abducted", ["Masked men"], ["a university professor"], None),
    ("A drone strike killed the al-Qaeda leader Ayman Bakri in his hideout.",
     "ASSAULT", "killed", None, ["Ayman Bakri"], None),
    ("The bodies of three journalists were found in a ditch on Monday, a week after they "
     "were abducted.",
     "ASSAULT", "abducted", [], ["three journalists"], None),
    ("Journalist Ahmed Said was at home on Monday when gunmen stormed his house and shot him "
     "dead.",
     "ASSAULT", "shot", ["gunmen"], ["Ahmed Said"], None),
    ("Police shot dead a man who attacked officers with a knife outside the station.",
     "ASSAULT", "shot dead", ["Police"], ["a man"], None),
    ("Officers shot the suspect after he pointed a gun at them.",
     "ASSAULT", "shot", ["Officers"], ["the suspect"], None),
    ("A bomb hidden in a motorcycle exploded near a police vehicle in Kandahar, wounding two "
     "officers.",
     "ASSAULT", "exploded", [], ["two officers"], None),
    pytest.param("The attackers, armed with knives, targeted passengers at the railway station.",
                 "ASSAULT", "targeted", ["The attackers"], ["passengers"], None,
                 marks=_known("the small model parses 'targeted passengers' as a noun phrase "
                              "in apposition (no verb)")),
    ("Police arrested a man suspected of shooting two teenagers in a park.",
     "ASSAULT", "shooting", ["a man"], ["two teenagers"], None),
    ("Demonstrators threw stones at police, who responded with tear gas.",
     "ASSAULT", "threw", ["Demonstrators"], ["police"], None),
    ("Security forces killed five suspected militants in a raid on a hideout in Pulwama.",
     "ASSAULT", "killed", ["Security forces"], ["five suspected militants"], None),
    ("Fighting between rival militias killed at least 12 people in Tripoli.",
     "ASSAULT", "killed", ["rival militias"], ["at least 12 people"], None),
    ("An attack on a military base in Niger left 71 soldiers dead.",
     "ASSAULT", "attack", [], ["a military base", "71 soldiers"], None),
    ("The explosion, which targeted a Shiite mosque, killed 30 worshippers.",
     "ASSAULT", "killed", [], ["a Shiite mosque", "30 worshippers"], None),
    ("Three civilians died when a mortar shell hit their home in Donetsk.",
     "ASSAULT", "hit", [], ["Three civilians", "their home"], None),
    ("A man was shot dead in a bar on Friday. The man who was killed was identified as Oscar "
     "Ruiz, 27.",
     "ASSAULT", "shot", [], ["Oscar Ruiz"], None),
    ("A woman and her two children were killed when gunmen attacked their car near Zaria.",
     "ASSAULT", "killed", ["gunmen"], ["A woman", "her two children"], None),
    ("Turkish troops detained 30 suspected Islamic State members near the border.",
     "COERCE", "detained", ["Turkish troops"], ["30 suspected Islamic State members"], None),
    # -- arrests, expulsions, threats ----------------------------------------------------
    ("The military junta arrested the country's elected leader and several ministers.",
     "COERCE", "arrested", ["The military junta"], ["the country's elected leader"], None),
    ("Turkish authorities detained 17 journalists accused of links to the coup plotters.",
     "COERCE", "detained", ["Turkish authorities"], ["17 journalists"], None),
    ("Authorities in Hong Kong arrested Jimmy Lai, the founder of Apple Daily, on Monday.",
     "COERCE", "arrested", ["Authorities"], ["Jimmy Lai"], None),
    ("Pakistan expelled an Indian diplomat for spying on Tuesday.",
     "SANCTION", "expelled", ["Pakistan"], ["an Indian diplomat"], None),
    ("North Korea threatened to strike US bases in Guam.",
     "THREATEN", "threatened", ["North Korea"], ["US bases in Guam"], None),
    # -- mobilisation -------------------------------------------------------------------
    ("The army deployed 3,000 troops to the border region on Monday.",
     "MOBILIZE", "deployed", ["The army"], None, None),
]


def _pick(events: list[Event], category: str, word: str) -> Event | None:
    for e in events:
        if e.category == category and any(word in m.text or m.text in word
                                           for m in e.mentions):
            return e
    return None


@pytest.mark.parametrize(("text", "category", "word", "actors", "recipients", "claimed"),
                         BATTERY)
def test_participant_battery(pipeline, text, category, word, actors, recipients, claimed):
    events = list(pipeline.extract(make_article(text)).events)
    ev = _pick(events, category, word)
    assert ev is not None, [(e.category, [m.text for m in e.mentions]) for e in events]
    said = {"actors": [p.text for p in ev.actors],
            "recipients": [p.text for p in ev.recipients]}
    if actors is not None:
        assert people_ok(actors, ev.actors), said
    if recipients is not None:
        assert people_ok(recipients, ev.recipients), said
    if claimed is not None:
        got = [c.actor for c in ev.responsibility.claimed_by] if ev.responsibility else []
        assert people_ok(claimed, got), [p.text for p in got]


# -- what the round's rules must not do ---------------------------------------------------

def test_a_list_without_a_word_of_harm_is_no_toll(pipeline):
    ev = _pick(list(pipeline.extract(make_article(
        "A bomb exploded near the station on Monday, wounding four people. Among the first to "
        "arrive were firefighters.")).events), "ASSAULT", "exploded")
    assert ev is not None
    assert all("firefighters" not in p.text for p in ev.recipients)


def test_a_claim_that_names_its_own_act_is_not_the_one_before(pipeline):
    events = list(pipeline.extract(make_article(
        "A roadside bomb killed four soldiers in Kunar on Friday. The Taliban claimed an attack "
        "on a police post in Kabul.")).events)
    ev = _pick(events, "ASSAULT", "killed")
    assert ev is not None
    assert not (ev.responsibility and ev.responsibility.claimed_by)


def test_the_group_with_no_group_named_before_stays_the_group(pipeline):
    ev = _pick(list(pipeline.extract(make_article(
        "A bomb killed four people at a market in the city on Friday. The group claimed "
        "responsibility in a statement.")).events), "ASSAULT", "killed")
    assert ev is not None and ev.responsibility is not None
    assert [(c.actor.text, c.actor.name) for c in ev.responsibility.claimed_by] == [
        ("The group", None)]


def test_a_they_nobody_is_found_for_is_dropped(pipeline):
    ev = _pick(list(pipeline.extract(make_article("They were arrested on Monday.")).events),
               "COERCE", "arrested")
    assert ev is not None
    assert [p.text for p in ev.recipients] == []

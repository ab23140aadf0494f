<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
  <context>
    <name>AssignView</name>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="66" />
      <source>Selectie toewijzen aan gekozen medewerker</source>
      <translation>Assign selection to the chosen worker</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="76" />
      <source>Ophalen</source>
      <translation>Fetch</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="78" />
      <source>Accepteren</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="80" />
      <source>Afwijzen</source>
      <translation>Reject</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="87" />
      <source>&lt;b&gt;Nog niet toegewezen&lt;/b&gt; — sleep naar een medewerker</source>
      <translation>&lt;b&gt;Not assigned yet&lt;/b&gt; — drag onto a worker</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="93" />
      <source>&lt;b&gt;Medewerkers&lt;/b&gt; en hun werk</source>
      <translation>&lt;b&gt;Workers&lt;/b&gt; and their load</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="102" />
      <source>&lt;b&gt;Quarantaine&lt;/b&gt; — werk van een vorige medewerker</source>
      <translation>&lt;b&gt;Quarantine&lt;/b&gt; — work by a previous worker</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="153" />
      <source>Kies zaken en een medewerker.</source>
      <translation>Choose cases and a worker.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="163" />
      <source>Toewijzen</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="166" />
      <source>%1 zaken toegewezen aan %2.</source>
      <translation>%1 cases assigned to %2.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="177" />
      <source>%1 items in quarantaine.</source>
      <translation>%1 items in quarantine.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="180" />
      <source>Quarantaine ophalen</source>
      <translation>Fetch quarantine</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="191" />
      <source>Geaccepteerd.</source>
      <translation>Accepted.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="191" />
      <source>Afgewezen.</source>
      <translation>Rejected.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/assign_view.py" line="194" />
      <source>Quarantaine</source>
      <translation>Quarantine</translation>
    </message>
  </context>
  <context>
    <name>AttemptFormDialog</name>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="91" />
      <source>Contactpoging vastleggen</source>
      <translation>Log a contact attempt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="100" />
      <source>Inwoner &amp;bereikt (echt contact gehad)</source>
      <translation>Resident &amp;reached (real contact)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="102" />
      <source>— geen uitkomst —</source>
      <translation>— no outcome —</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="103" />
      <source>Wil hulp</source>
      <translation>Wants help</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="104" />
      <source>Geen hulp nodig</source>
      <translation>No help needed</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="116" />
      <source>Optioneel</source>
      <translation>Optional</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="124" />
      <source>&amp;Soort contact:</source>
      <translation>&amp;Kind of contact:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="126" />
      <source>&amp;Uitkomst:</source>
      <translation>&amp;Outcome:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="127" />
      <source>&amp;Datum:</source>
      <translation>&amp;Date:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="128" />
      <source>&amp;Tijd:</source>
      <translation>&amp;Time:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="129" />
      <source>Dag&amp;deel:</source>
      <translation>Part of &amp;day:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="130" />
      <source>&amp;Notitie:</source>
      <translation>&amp;Note:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="134" />
      <source>Opslaan</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="135" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="180" />
      <source>automatisch (%1)</source>
      <translation>automatic (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="205" />
      <source>Dit tijdstip ligt in de toekomst. Kies een eerder moment.</source>
      <translation>This time is in the future. Choose an earlier moment.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="97" />
      <source>— kies de soort contact —</source>
      <translation>— choose the kind of contact —</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/attempt_form.py" line="172" />
      <location filename="../../ui/dialogs/attempt_form.py" line="202" />
      <source>Kies eerst de soort contact.</source>
      <translation>Choose the kind of contact first.</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="80" />
      <source>zaak-id</source>
      <translation>case id</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="82" />
      <source>gebruiker-id</source>
      <translation>user id</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="84" />
      <source>apparaat-id</source>
      <translation>device id</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="91" />
      <source>alle acties</source>
      <translation>all actions</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="93" />
      <source>Periode</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="102" />
      <source>Ophalen</source>
      <translation>Fetch</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="106" />
      <source>‹ Nieuwere</source>
      <translation>‹ Newer</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="108" />
      <source>Oudere ›</source>
      <translation>Older ›</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="189" />
      <source>De periode klopt niet: de einddatum ligt vóór de begindatum.</source>
      <translation>The period is wrong: the end date is before the start date.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="195" />
      <source>Ophalen…</source>
      <translation>Fetching…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="219" />
      <source>Geen gebeurtenissen voor deze filters.</source>
      <translation>No events for these filters.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/audit_view.py" line="222" />
      <source>Pagina %1: %2 gebeurtenissen (nieuwste eerst).</source>
      <translation>Page %1: %2 events (newest first).</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="28" />
      <source>Wanneer</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="29" />
      <source>Actie</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="30" />
      <source>Uitkomst</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="31" />
      <source>Gebruiker</source>
      <translation>User</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="32" />
      <source>Apparaat</source>
      <translation>Device</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="33" />
      <source>Zaken</source>
      <translation>Cases</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/audit.py" line="34" />
      <source>Aantallen</source>
      <translation>Counts</translation>
    </message>
  </context>
  <context>
    <name>Boot</name>
    <message>
      <location filename="../../ui/boot.py" line="189" />
      <source>Veldwerk kon niet volledig starten (%1). Start Veldwerk opnieuw.</source>
      <translation>Veldwerk could not start completely (%1). Please start Veldwerk again.</translation>
    </message>
  </context>
  <context>
    <name>BootWindow</name>
    <message>
      <location filename="../../ui/boot.py" line="112" />
      <source>Veldwerk</source>
      <translation>Veldwerk</translation>
    </message>
  </context>
  <context>
    <name>CaseCard</name>
    <message>
      <location filename="../../ui/views/case_card.py" line="334" />
      <source>bereikt</source>
      <translation>reached</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_card.py" line="336" />
      <source>niet bereikt</source>
      <translation>not reached</translation>
    </message>
  </context>
  <context>
    <name>CaseFacts</name>
    <message>
      <location filename="../../ui/views/case_facts.py" line="75" />
      <location filename="../../ui/views/case_facts.py" line="98" />
      <source>Signalen</source>
      <translation>Signals</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="81" />
      <source>Notities bij de zaak</source>
      <translation>Case notes</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="83" />
      <source>Notities opslaan</source>
      <translation>Save notes</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="85" />
      <source>Taal voor kaartjes en brieven</source>
      <translation>Language for cards and letters</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="86" />
      <source>zoals de hele stapel (standaard)</source>
      <translation>same as the whole batch (default)</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="96" />
      <source>Huishouden</source>
      <translation>Household</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="101" />
      <source>Kaartjes en brieven in:</source>
      <translation>Cards and letters in:</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="104" />
      <source>Waarom deze prioriteit</source>
      <translation>Why this priority</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="106" />
      <source>Notities</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="127" />
      <source>Afgesloten: %1</source>
      <translation>Closed: %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="129" />
      <source>Open sinds %1 · termijn %2 · %3 openstaand</source>
      <translation>Open since %1 · deadline %2 · %3 outstanding</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="138" />
      <source>(naam onbekend)</source>
      <translation>(name unknown)</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="141" />
      <source>, %1 jaar</source>
      <translation>, %1 years</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="145" />
      <source>Geen personen bekend.</source>
      <translation>No people known.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_facts.py" line="156" />
      <source>Geen bijzonderheden.</source>
      <translation>Nothing special.</translation>
    </message>
  </context>
  <context>
    <name>CaseList</name>
    <message>
      <location filename="../../ui/models/case_list.py" line="130" />
      <source>Nu</source>
      <translation>Now</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_list.py" line="131" />
      <source>Straks</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_list.py" line="132" />
      <source>Later</source>
      <translation>Later</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_list.py" line="133" />
      <source>Geweest</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_list.py" line="137" />
      <source>%1 · %2 %3–%4 · %5 adressen</source>
      <translation>%1 · %2 %3–%4 · %5 addresses</translation>
    </message>
  </context>
  <context>
    <name>CaseView</name>
    <message>
      <location filename="../../ui/views/case_view.py" line="80" />
      <source>Terug naar Vandaag</source>
      <translation>Back to Today</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="115" />
      <source>Zaak afsluiten of overdragen…</source>
      <translation>Close or hand over case…</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="120" />
      <source>Brief of kaartje…</source>
      <translation>Letter or card…</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="215" />
      <source>Adres onbekend</source>
      <translation>Address unknown</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="293" />
      <source>✓ Poging opgeslagen.</source>
      <translation>✓ Attempt saved.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="304" />
      <source>✓ Taal voor kaartjes en brieven opgeslagen.</source>
      <translation>✓ Language for cards and letters saved.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="314" />
      <source>Kies eerst een poging in de tijdlijn.</source>
      <translation>First choose an attempt in the timeline.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="333" />
      <source>✓ Poging doorgestreept.</source>
      <translation>✓ Attempt struck out.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="368" />
      <source>✓ Notities opgeslagen.</source>
      <translation>✓ Notes saved.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_drafts.py" line="57" />
      <source>Niet-opgeslagen werk van vóór het vergrendelen is terug.</source>
      <translation>Unsaved work from before the lock has been restored.</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_view.py" line="117" />
      <source>&amp;Heropenen…</source>
      <translation>&amp;Reopen…</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_decisions.py" line="73" />
      <source>✓ Zaak afgesloten: %1</source>
      <translation>✓ Case closed: %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/case_decisions.py" line="106" />
      <source>✓ Zaak heropend.</source>
      <translation>✓ Case reopened.</translation>
    </message>
  </context>
  <context>
    <name>CloseCaseDialog</name>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="60" />
      <source>Zaak afsluiten of overdragen</source>
      <translation>Close or hand over case</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="69" />
      <source>Eindresultaat</source>
      <translation>Final result</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="81" />
      <source>&amp;Toelichting (optioneel):</source>
      <translation>&amp;Explanation (optional):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="119" />
      <location filename="../../ui/dialogs/close_case.py" line="222" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="187" />
      <source>Kies een eindresultaat.</source>
      <translation>Choose a final result.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="192" />
      <source>Schrijf op waarom u toch afsluit.</source>
      <translation>Write down why you close anyway.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="172" />
      <location filename="../../ui/dialogs/close_case.py" line="241" />
      <source>De minimale inspanning is nog niet gehaald:
%1</source>
      <translation>The minimum effort has not been met yet:
%1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="65" />
      <source>Hoe is deze zaak afgelopen? Kies één eindresultaat.</source>
      <translation>How did this case end? Choose one result.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="117" />
      <location filename="../../ui/dialogs/close_case.py" line="221" />
      <source>Zaak afsluiten…</source>
      <translation>Close case…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="197" />
      <source>Weet u het zeker? De zaak wordt afgesloten als: «%1».</source>
      <translation>Are you sure? The case will be closed as: “%1”.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="203" />
      <source>Ja, afsluiten</source>
      <translation>Yes, close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="204" />
      <source>Terug</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="92" />
      <source>Toch afsluiten (teamleider); ik licht hierboven toe waarom</source>
      <translation>Close anyway (team lead); I explain why above</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="97" />
      <source>Alleen een teamleider mag deze zaak nu toch zo afsluiten. Doe eerst de ontbrekende pogingen, kies een ander resultaat, of vraag uw teamleider.</source>
      <translation>Only a team lead may close this case like this now. Make the missing attempts first, choose another result, or ask your team lead.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="169" />
      <source>✓ De minimale inspanning is gehaald.</source>
      <translation>✓ The minimum effort has been made.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/close_case.py" line="178" />
      <source>Nog niet gehaald (advies, niet verplicht):
%1</source>
      <translation>Not reached yet (advice, not required):
%1</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="139" />
      <source>Verbinden met de server van het team</source>
      <translation>Connect to the team's server</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="142" />
      <source>Na het verbinden verstuurt Veldwerk uw vastgelegde werk naar de server en haalt het de zaken op die aan u zijn toegewezen. Uw wachtwoordzin voor deze laptop blijft dezelfde.</source>
      <translation>Once connected, Veldwerk sends your recorded work to the server and fetches the cases assigned to you. Your passphrase for this laptop stays the same.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="153" />
      <source>&amp;Verbinden</source>
      <translation>&amp;Connect</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="157" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="178" />
      <source>Verbinden…</source>
      <translation>Connecting…</translation>
    </message>
  </context>
  <context>
    <name>CoreMessages</name>
    <message>
      <location filename="../../ui/core_messages.py" line="24" />
      <source>De server weigerde het verzoek. (HTTP %1)</source>
      <translation>The server refused the request. (HTTP %1)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="25" />
      <source>De wachtwoordzin moet minstens %1 tekens lang zijn. Een zin van een paar woorden is makkelijk te onthouden.</source>
      <translation>The passphrase must be at least %1 characters long. A sentence of a few words is easy to remember.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="30" />
      <source>Inspanning niet voldaan: %1</source>
      <translation>Minimum effort not met: %1</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="31" />
      <source>Inspanning niet voldaan; alleen een teamleider mag toch afsluiten: %1</source>
      <translation>Minimum effort not met; only a team lead may close anyway: %1</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="39" />
      <source>Minstens %1 contactpoging(en) (nu %2)</source>
      <translation>at least %1 contact attempt(s) (now %2)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="40" />
      <source>Minstens %1 verschillende soort(en) contact (nu %2)</source>
      <translation>at least %1 different kind(s) of contact (now %2)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="43" />
      <source>Minstens %1 persoonlijke poging(en) (telefoon of huisbezoek) (nu %2)</source>
      <translation>at least %1 personal attempt(s) (phone or home visit) (now %2)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="46" />
      <source>Persoonlijke pogingen op minstens %1 verschillende dagdelen (nu %2)</source>
      <translation>personal attempts at %1 or more different times of day (now %2)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="49" />
      <source>Minstens %1 persoonlijke poging(en) 's avonds of op zaterdag (nu %2)</source>
      <translation>at least %1 personal attempt(s) in the evening or on a Saturday (now %2)</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="58" />
      <source>Even geduld: de controle wordt geladen.</source>
      <translation>One moment: the check is loading.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="59" />
      <source>Nog niet ingepland.</source>
      <translation>Not planned yet.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="60" />
      <source>Adres onbekend</source>
      <translation>Address unknown</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="62" />
      <source>Deze zaak is toegewezen aan een andere medewerker dan die van deze dienst.</source>
      <translation>This case is assigned to a different worker than the one on this shift.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="67" />
      <source>Deze zaak staat al in deze dienst.</source>
      <translation>This case is already in this shift.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="68" />
      <source>Deze zaak bestaat niet of is gesloten.</source>
      <translation>This case does not exist or is closed.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="69" />
      <source>Deze dienst bestaat niet.</source>
      <translation>This shift does not exist.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="70" />
      <source>Dit bezoek bestaat niet.</source>
      <translation>This visit does not exist.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="71" />
      <source>Deze medewerker hoort niet bij uw team.</source>
      <translation>This worker is not in your team.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="73" />
      <source>Kies twee verschillende medewerkers voor een dienst met z'n tweeën.</source>
      <translation>Choose two different workers for a shift in pairs.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="77" />
      <source>Deze zaak staat vandaag niet op uw route.</source>
      <translation>This case is not on your route today.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="79" />
      <source>De nieuwe volgorde moet precies de bezoeken van deze dienst bevatten.</source>
      <translation>The new order must contain exactly the visits of this shift.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="83" />
      <source>Deze dienst staat niet (meer) op deze laptop.</source>
      <translation>This shift is not (or no longer) on this laptop.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="84" />
      <source>Deze dienst of zaak staat niet (meer) op deze laptop.</source>
      <translation>This shift or case is not (or no longer) on this laptop.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="86" />
      <source>Geen verbinding met de server. Je werk blijft bewaard op deze laptop; Veldwerk probeert het later opnieuw.</source>
      <translation>No connection to the server. Your work stays safe on this laptop; Veldwerk will try again later.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="93" />
      <source>De server gaf een onverwacht antwoord (misschien een inlogpagina van een wifi-netwerk). Je werk blijft bewaard op deze laptop.</source>
      <translation>The server gave an unexpected answer (perhaps the login page of a Wi-Fi network). Your work stays safe on this laptop.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="100" />
      <source>Deze laptop is niet (meer) aangemeld bij de server. Meld opnieuw aan.</source>
      <translation>This laptop is not (or no longer) enrolled with the server. Please enrol again.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="105" />
      <source>Deze versie van Veldwerk is te oud voor de server. Werk Veldwerk bij.</source>
      <translation>This version of Veldwerk is too old for the server. Please update Veldwerk.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="110" />
      <source>Alleen een beveiligde verbinding (https) naar de server is toegestaan.</source>
      <translation>Only a secure connection (https) to the server is allowed.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="114" />
      <source>Synchroniseren is afgebroken.</source>
      <translation>Synchronisation was cancelled.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="115" />
      <source>De server weigerde het verzoek.</source>
      <translation>The server refused the request.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="116" />
      <source>Deze laptop is nog niet aangemeld bij een server.</source>
      <translation>This laptop is not enrolled with a server yet.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="118" />
      <source>De server heeft geen herstelsleutel die bij deze database past.</source>
      <translation>The server has no recovery key that fits this database.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="123" />
      <source>Veldwerk is al geopend met deze database (in een ander venster of programma).</source>
      <translation>Veldwerk is already open with this database (in another window or program).</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="129" />
      <source>Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk Veldwerk bij.</source>
      <translation>This database was made by a newer version of Veldwerk. Please update Veldwerk.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="134" />
      <source>De database is beschadigd: de schemaversie ontbreekt.</source>
      <translation>The database is damaged: the schema version is missing.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="136" />
      <source>Veldwerk kon vóór het bijwerken van de database geen goede reservekopie maken. Er is niets veranderd.</source>
      <translation>Veldwerk could not make a good backup before updating the database. Nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="143" />
      <source>De database is beschadigd of hoort niet bij dit sleutelbestand. Neem contact op met de functioneel beheerder.</source>
      <translation>The database is damaged or does not belong to this key file. Please contact your application administrator.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="150" />
      <source>De sleutel past niet bij deze database (of de database is beschadigd).</source>
      <translation>The key does not fit this database (or the database is damaged).</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="154" />
      <source>Er is geen Veldwerk-database op deze plek.</source>
      <translation>There is no Veldwerk database at this location.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="155" />
      <source>Het sleutelbestand van de database is beschadigd.</source>
      <translation>The key file of the database is damaged.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="157" />
      <source>Dit sleutelbestand is gemaakt door een nieuwere versie van Veldwerk. Werk Veldwerk bij.</source>
      <translation>This key file was made by a newer version of Veldwerk. Please update Veldwerk.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="164" />
      <source>Hier staat al een Veldwerk-database; die wordt niet overschreven.</source>
      <translation>A Veldwerk database already exists here; it will not be overwritten.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="169" />
      <source>De wachtwoordzin mag niet uit één herhaald teken bestaan.</source>
      <translation>The passphrase must not be one repeated character.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="174" />
      <source>Deze wachtwoordzin komt voor in lijsten van veelgebruikte wachtwoorden. Kies een andere.</source>
      <translation>This passphrase appears in lists of common passwords. Please choose another one.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="180" />
      <source>Deze zaak bestaat niet (meer) op dit apparaat.</source>
      <translation>This case does not exist (any more) on this device.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="181" />
      <source>Deze poging is al anders opgeslagen.</source>
      <translation>This attempt was already saved differently.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="182" />
      <source>Deze poging kan niet worden doorgestreept.</source>
      <translation>This attempt cannot be struck out.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="184" />
      <source>Deze zaak is niet afgesloten; heropenen is niet nodig.</source>
      <translation>This case is not closed; there is no need to reopen it.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="186" />
      <source>Schrijf op waarom u de zaak heropent.</source>
      <translation>Write down why you are reopening the case.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="187" />
      <source>U kunt alleen uw eigen zaken heropenen.</source>
      <translation>You can only reopen your own cases.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="188" />
      <source>Er is niets om te printen: geen zaken gevonden.</source>
      <translation>There is nothing to print: no cases found.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="189" />
      <source>Het uitvoerbestand moet op .pdf eindigen.</source>
      <translation>The output file must end in .pdf.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="191" />
      <source>Uw naam ontbreekt: dan staat er een lege regel op het kaartje of de brief. Vul uw gegevens in bij Instellingen, of met `fieldapp profile set --naam ... --telefoon ...`.</source>
      <translation>Your name is missing: the card or letter would have an empty line. Fill in your details in Settings, or with `fieldapp profile set --naam ... --telefoon ...`.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="199" />
      <source>Uw telefoonnummer ontbreekt: dan staat er een lege regel op het kaartje of de brief. Vul uw gegevens in bij Instellingen, of met `fieldapp profile set --naam ... --telefoon ...`.</source>
      <translation>Your phone number is missing: the card or letter would have an empty line. Fill in your details in Settings, or with `fieldapp profile set --naam ... --telefoon ...`.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="207" />
      <source>Uw naam en telefoonnummer ontbreken: dan staat er een lege regel op het kaartje of de brief. Vul uw gegevens in bij Instellingen, of met `fieldapp profile set --naam ... --telefoon ...`.</source>
      <translation>Your name and phone number are missing: the card or letter would have an empty line. Fill in your details in Settings, or with `fieldapp profile set --naam ... --telefoon ...`.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="214" />
      <source>De map voor het uitvoerbestand bestaat niet.</source>
      <translation>The folder for the output file does not exist.</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="262" />
      <source>zondag</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="263" />
      <source>Bevrijdingsdag</source>
      <translation>Liberation Day</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="264" />
      <source>brugdag</source>
      <translation>bridge day</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="279" />
      <source>Op deze dag worden geen bezoeken gepland (%1).</source>
      <translation>No visits are planned on this day (%1).</translation>
    </message>
    <message>
      <location filename="../../ui/core_messages.py" line="280" />
      <source>feestdag (%1)</source>
      <translation>public holiday (%1)</translation>
    </message>
  </context>
  <context>
    <name>Desk</name>
    <message>
      <location filename="../../ui/desk/build.py" line="18" />
      <source>Weekplanning</source>
      <translation>Week plan</translation>
    </message>
    <message>
      <location filename="../../ui/desk/build.py" line="21" />
      <source>Overzicht</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../ui/desk/build.py" line="22" />
      <source>Logboek</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <location filename="../../ui/desk/commands.py" line="35" />
      <source>Geen verbinding met de server. Er is niets gewijzigd en niets klaargezet om later te versturen. Probeer het opnieuw als de verbinding terug is.</source>
      <translation>No connection to the server. Nothing was changed and nothing was queued to send later. Try again when the connection is back.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/commands.py" line="43" />
      <source>Deze laptop is niet verbonden met de server: het bureau kan alleen lezen.</source>
      <translation>This laptop is not connected to the server: the desk is read-only.</translation>
    </message>
  </context>
  <context>
    <name>DeskTables</name>
    <message>
      <location filename="../../ui/desk/models/tables.py" line="162" />
      <source>Sleep zaken hierheen om ze aan deze medewerker toe te wijzen.</source>
      <translation>Drag cases here to assign them to this worker.</translation>
    </message>
  </context>
  <context>
    <name>DeskView</name>
    <message>
      <location filename="../../ui/desk/desk_view.py" line="42" />
      <source>Binnengekomen</source>
      <translation>Incoming</translation>
    </message>
    <message>
      <location filename="../../ui/desk/desk_view.py" line="43" />
      <source>Toewijzen</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../ui/desk/desk_view.py" line="100" />
      <source>Alleen lezen: deze laptop is niet verbonden met de server. Verbind hem om te kunnen toewijzen, importeren en plannen.</source>
      <translation>Read-only: this laptop is not connected to the server. Connect it to assign, import and plan.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/desk_view.py" line="105" />
      <source>Offline — het bureau is alleen-lezen. Toewijzen, importeren en plannen kan weer zodra de server bereikbaar is; er wordt niets klaargezet om later te versturen.</source>
      <translation>Offline — the desk is read-only. Assigning, importing and planning work again once the server can be reached; nothing is queued to send later.</translation>
    </message>
  </context>
  <context>
    <name>Display</name>
    <message>
      <location filename="../../ui/display.py" line="45" />
      <source>%1 dagen te laat</source>
      <translation>%1 days overdue</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="47" />
      <source>1 dag te laat</source>
      <translation>1 day overdue</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="49" />
      <source>vandaag</source>
      <translation>today</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="51" />
      <source>nog 1 dag</source>
      <translation>1 day left</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="52" />
      <source>nog %1 dagen</source>
      <translation>%1 days left</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="62" />
      <source>Afgesloten</source>
      <translation>Closed</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="63" />
      <source>Afgesloten: %1</source>
      <translation>Closed: %1</translation>
    </message>
    <message>
      <location filename="../../ui/display.py" line="77" />
      <source>sinds %1</source>
      <translation>since %1</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="65" />
      <source>Welkom bij Veldwerk</source>
      <translation>Welcome to Veldwerk</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="68" />
      <source>Op deze computer staan nog geen gegevens. Alles wat Veldwerk bewaart, wordt versleuteld met een wachtwoordzin die alleen u kent.</source>
      <translation>There is no data on this computer yet. Everything Veldwerk keeps is encrypted with a passphrase only you know.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="80" />
      <source>&amp;Nieuwe beveiligde opslag maken</source>
      <translation>Create a &amp;new protected store</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="81" />
      <source>&amp;Verbinden met de server van het team</source>
      <translation>&amp;Connect to the team's server</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="91" />
      <location filename="../../ui/dialogs/first_run.py" line="139" />
      <source>&amp;Opslag maken</source>
      <translation>&amp;Create store</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="95" />
      <source>Afsluiten</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="117" />
      <source>Nieuwe wachtwoordzin</source>
      <translation>New passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="120" />
      <source>Herhaal de wachtwoordzin</source>
      <translation>Repeat the passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="130" />
      <source>&amp;Wachtwoordzin:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="131" />
      <source>&amp;Herhaal:</source>
      <translation>&amp;Repeat:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="142" />
      <source>&amp;Verbinden en opslag maken</source>
      <translation>&amp;Connect and create storage</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="187" />
      <source>Verbinden met de server…</source>
      <translation>Connecting to the server…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="150" />
      <source>Nog %1 tekens nodig (minimaal %2). Tip: een zin van vier woorden.</source>
      <translation>%1 more characters needed (at least %2). Tip: a sentence of four words.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="155" />
      <source>te zwak</source>
      <translation>too weak</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="156" />
      <source>zwak</source>
      <translation>weak</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="157" />
      <source>redelijk</source>
      <translation>fair</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="158" />
      <source>goed</source>
      <translation>good</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="159" />
      <source>sterk</source>
      <translation>strong</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="161" />
      <source>Sterkte: %1.</source>
      <translation>Strength: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="163" />
      <location filename="../../ui/dialogs/first_run.py" line="176" />
      <source>De twee wachtwoordzinnen zijn niet gelijk.</source>
      <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/first_run.py" line="185" />
      <source>Opslag wordt gemaakt…</source>
      <translation>Creating store…</translation>
    </message>
  </context>
  <context>
    <name>Flags</name>
    <message>
      <location filename="../../ui/reason_labels.py" line="81" />
      <source>adres onbekend: BRP-controle nodig</source>
      <translation>address unknown: check in the BRP</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="82" />
      <source>BSN klopt niet (elfproef): controleer in BRP</source>
      <translation>BSN is not valid (check digit): check in the BRP</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="83" />
      <source>tekst begon met een formuleteken; als tekst bewaard</source>
      <translation>text began with a formula character; kept as text</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="84" />
      <source>wil niet benaderd worden: niet opgepakt (andere reden)</source>
      <translation>does not want to be approached: not taken up (other reason)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="85" />
      <source>wil niet benaderd worden, maar Zorg-signaal wordt toch behandeld</source>
      <translation>does not want to be approached, but the health insurer signal is still handled</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="88" />
      <source>onveilig voor medewerker: alleen met z'n tweeën op huisbezoek</source>
      <translation>unsafe for staff: home visits only in pairs</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="89" />
      <source>onveilig voor medewerker: geen huisbezoek</source>
      <translation>unsafe for staff: no home visit</translation>
    </message>
  </context>
  <context>
    <name>ImportPanel</name>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="60" />
      <source>Sleep signaalbestanden (CSV, XLSX, DDAS-JSON) hierheen, of</source>
      <translation>Drop signal files (CSV, XLSX, DDAS JSON) here, or</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="61" />
      <source>Bestanden kiezen…</source>
      <translation>Choose files…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="74" />
      <source>Rapport opslaan als CSV…</source>
      <translation>Save report as CSV…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="108" />
      <source>Signaalbestanden kiezen</source>
      <translation>Choose signal files</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="110" />
      <source>Signaalbestanden (*.csv *.xlsx *.json *.txt)</source>
      <translation>Signal files (*.csv *.xlsx *.json *.txt)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="125" />
      <source>Het bestand kon niet worden gelezen.</source>
      <translation>The file could not be read.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="154" />
      <source>Signalen importeren</source>
      <translation>Import signals</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="160" />
      <source>Bezig met importeren…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="177" />
      <source>%1 signalen verwerkt, %2 nieuwe zaken, %3 rijen geweigerd.</source>
      <translation>%1 signals processed, %2 new cases, %3 rows refused.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/import_panel.py" line="195" />
      <source>Importrapport opslaan</source>
      <translation>Save import report</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="52" />
      <source>Huisbezoek</source>
      <translation>Home visit</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="53" />
      <source>Kaartje</source>
      <translation>Card</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="54" />
      <source>Telefoon</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="55" />
      <source>SMS/WhatsApp</source>
      <translation>SMS/WhatsApp</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="56" />
      <source>Brief</source>
      <translation>Letter</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="57" />
      <source>Mail</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="58" />
      <source>Afspraak op locatie</source>
      <translation>Appointment on location</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="61" />
      <source>Administratief</source>
      <translation>Administrative</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="62" />
      <source>Onbekend</source>
      <translation>Unknown</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="63" />
      <location filename="../../ui/labels.py" line="91" />
      <source>Overige</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="70" />
      <source>ochtend</source>
      <translation>morning</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="71" />
      <source>middag</source>
      <translation>afternoon</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="72" />
      <source>avond</source>
      <translation>evening</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="79" />
      <source>Belastingdienst</source>
      <translation>Tax office</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="80" />
      <source>CAK eigen bijdrage</source>
      <translation>CAK own contribution</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="83" />
      <source>CAK zorgverzekering</source>
      <translation>CAK health insurance</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="86" />
      <source>Toeslagen</source>
      <translation>Benefits office</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="87" />
      <source>DUO</source>
      <translation>DUO</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="88" />
      <source>Energie</source>
      <translation>Energy</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="89" />
      <source>Huur</source>
      <translation>Rent</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="90" />
      <source>Hypotheek</source>
      <translation>Mortgage</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="92" />
      <source>Water</source>
      <translation>Water</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="93" />
      <source>Zorgverzekering</source>
      <translation>Health insurance</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="124" />
      <source>Niet thuis, kaartje achtergelaten</source>
      <translation>Not at home, card left</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="127" />
      <source>Niet thuis</source>
      <translation>Not at home</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="128" />
      <source>Gesproken, wil hulp</source>
      <translation>Spoke, wants help</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="131" />
      <source>Gesproken, geen hulp nodig</source>
      <translation>Spoke, no help needed</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="134" />
      <source>Gebeld, geen gehoor</source>
      <translation>Called, no answer</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="137" />
      <source>Gebeld, gesproken</source>
      <translation>Called, spoke</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="138" />
      <source>App/SMS gestuurd</source>
      <translation>App/SMS sent</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="139" />
      <source>Brief gestuurd</source>
      <translation>Letter sent</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="146" />
      <source>Doorverwezen naar schuldhulp of budgetcoaching</source>
      <translation>Referred to debt help or budget coaching</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="149" />
      <source>Doorverwezen naar andere hulp (bijv. maatschappelijk werk)</source>
      <translation>Referred to other help (e.g. social work)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="152" />
      <source>Doorverwezen, soort hulp nog niet bekend</source>
      <translation>Referred, kind of help not known yet</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="155" />
      <source>Geholpen met advies of een snelle oplossing</source>
      <translation>Helped with advice or a quick fix</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="158" />
      <source>Heeft zelf betaald of een regeling getroffen</source>
      <translation>Paid or arranged a payment plan themselves</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="161" />
      <source>Regelt het zelf, wil geen hulp</source>
      <translation>Arranges it themselves, wants no help</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="162" />
      <source>Eerst contact gehad, daarna geen reactie meer</source>
      <translation>Had contact, then no more response</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="165" />
      <source>Geen contact gekregen, ondanks pogingen</source>
      <translation>No contact despite attempts</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="195" />
      <source>wil hulp</source>
      <translation>wants help</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="196" />
      <source>niet opgepakt</source>
      <translation>not taken up</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="201" />
      <source>geholpen</source>
      <translation>helped</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="202" />
      <source>zelf betaald</source>
      <translation>paid themselves</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="203" />
      <source>geen hulp gewenst</source>
      <translation>no help wanted</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="204" />
      <source>geen reactie meer</source>
      <translation>no further response</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="207" />
      <source>geen contact</source>
      <translation>no contact</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="208" />
      <source>al bekend bij schuldhulp</source>
      <translation>already known at debt counselling</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="211" />
      <source>ander hulptraject</source>
      <translation>other support</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="214" />
      <source>geen inwoner</source>
      <translation>not a resident</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="215" />
      <source>overleden</source>
      <translation>deceased</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="216" />
      <source>doorverwezen</source>
      <translation>referred</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="100" />
      <location filename="../../ui/labels.py" line="168" />
      <source>Al bekend bij schuldhulpverlening</source>
      <translation>Already known to debt counselling</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="171" />
      <source>Heeft al ander hulptraject</source>
      <translation>Already has another support programme</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="172" />
      <source>Woont niet (meer) in de gemeente</source>
      <translation>Does not live in the municipality (any more)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="173" />
      <source>Overleden</source>
      <translation>Deceased</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="174" />
      <source>Doorverwezen zonder tussenkomst van de inwoner</source>
      <translation>Referred without the resident's involvement</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <location filename="../../ui/labels.py" line="177" />
      <source>Niet opgepakt: herhaalde melding</source>
      <translation>Not taken up: repeated report</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="110" />
      <location filename="../../ui/labels.py" line="180" />
      <source>Niet opgepakt: onterecht signaal</source>
      <translation>Not taken up: unjustified signal</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="104" />
      <location filename="../../ui/labels.py" line="183" />
      <source>Niet opgepakt: andere reden</source>
      <translation>Not taken up: other reason</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="103" />
      <source>Inwoner is overleden</source>
      <translation>Resident has died</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="113" />
      <source>Nog niet opgepakt</source>
      <translation>Not taken up yet</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="114" />
      <source>Opgepakt</source>
      <translation>Taken up</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="115" />
      <source>Geen inwoner (meer) van de gemeente</source>
      <translation>No (longer a) resident of the municipality</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/views/main_window.py" line="63" />
      <location filename="../../ui/views/main_window.py" line="166" />
      <source>Veldwerk</source>
      <translation>Veldwerk</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="104" />
      <source>Navigatie</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="167" />
      <source>&amp;Vandaag</source>
      <translation>&amp;Today</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="169" />
      <source>Ver&amp;grendelen</source>
      <translation>&amp;Lock</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="170" />
      <source>&amp;Printen</source>
      <translation>&amp;Print</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="171" />
      <source>&amp;Instellingen</source>
      <translation>&amp;Settings</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="175" />
      <source>DEMO — verzonnen gegevens om te oefenen. Wachtwoordzin: %1</source>
      <translation>DEMO — made-up data for practice. Passphrase: %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="349" />
      <source>Deze laptop is door de beheerder van het team ingetrokken. Daarom zijn alle Veldwerk-gegevens op deze laptop veilig gewist; u hoeft daarvoor niets te doen. Wilt u weer met Veldwerk werken, verbind deze laptop dan opnieuw met de server (vraag uw teamleider om toegang).</source>
      <translation>This laptop was withdrawn by the team's administrator. That is why all Veldwerk data on this laptop has been safely erased; you do not need to do anything about it. To work with Veldwerk again, connect this laptop to the server again (ask your team lead for access).</translation>
    </message>
    <message>
      <location filename="../../ui/views/main_window.py" line="168" />
      <source>&amp;Bureau</source>
      <translation>&amp;Desk</translation>
    </message>
  </context>
  <context>
    <name>MapView</name>
    <message>
      <location filename="../../ui/desk/board/map_view.py" line="102" />
      <source>Geen zaken met coördinaten.</source>
      <translation>No cases with coordinates.</translation>
    </message>
  </context>
  <context>
    <name>MarksLegend</name>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="13" />
      <source>Uitleg van de pogingtekens</source>
      <translation>Key to the attempt marks</translation>
    </message>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="17" />
      <source>Eerdere pogingen:</source>
      <translation>Earlier attempts:</translation>
    </message>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="22" />
      <source>ochtend</source>
      <translation>morning</translation>
    </message>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="23" />
      <source>middag</source>
      <translation>afternoon</translation>
    </message>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="24" />
      <source>avond</source>
      <translation>evening</translation>
    </message>
    <message>
      <location filename="../../ui/views/marks_legend.py" line="25" />
      <source>bereikt</source>
      <translation>reached</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <location filename="../../ui/messages.py" line="15" />
      <source>Er ging iets mis. Er is niets opgeslagen; probeer het opnieuw.</source>
      <translation>Something went wrong. Nothing was saved; please try again.</translation>
    </message>
  </context>
  <context>
    <name>NotPickedUpDialog</name>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="326" />
      <source>Niet opgepakt</source>
      <translation>Not taken up</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="332" />
      <source>Reden voor het team (de signaalpartner ziet deze tekst nooit)</source>
      <translation>Reason for the team (the signal partner never sees this text)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="340" />
      <source>%1 zaken</source>
      <translation>%1 cases</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="341" />
      <source>Resultaat (DDAS)</source>
      <translation>Result (DDAS)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="342" />
      <source>Reden</source>
      <translation>Reason</translation>
    </message>
  </context>
  <context>
    <name>OutcomePanel</name>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="97" />
      <source>Notitie bij de poging (optioneel)</source>
      <translation>Note for this attempt (optional)</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="98" />
      <source>Notitie bij de poging</source>
      <translation>Note for this attempt</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="106" />
      <source>Sneltoets: Ctrl+%1</source>
      <translation>Shortcut: Ctrl+%1</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="111" />
      <source>Uitgebreid formulier…</source>
      <translation>Detailed form…</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="115" />
      <source>Ongedaan &amp;maken</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="132" />
      <source>Contactpoging vastleggen</source>
      <translation>Log a contact attempt</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="177" />
      <source>Tweede klik op «%1» direct na de eerste: niet nog eens opgeslagen. Was het echt een nieuwe poging? Klik dan zo nog een keer.</source>
      <translation>Second click on “%1” right after the first: not saved again. Was it really a new attempt? Then click once more in a moment.</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="232" />
      <source>Opslaan…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="233" />
      <source>Opslaan… (%1 in de wachtrij)</source>
      <translation>Saving… (%1 queued)</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="237" />
      <source>✓ Opgeslagen: %1 (%2)</source>
      <translation>✓ Saved: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/views/outcome_panel.py" line="278" />
      <source>✓ Ongedaan gemaakt: %1 (doorgestreept)</source>
      <translation>✓ Undone: %1 (struck out)</translation>
    </message>
  </context>
  <context>
    <name>Overview</name>
    <message>
      <location filename="../../ui/desk/models/report.py" line="40" />
      <source>Bereikt per contactsoort, dagdeel en soort dag</source>
      <translation>Reached by contact type, part of day and kind of day</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="43" />
      <source>Bereikt per signaalpartner</source>
      <translation>Reached by signal partner</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="44" />
      <source>Bereikt per wijk</source>
      <translation>Reached by neighbourhood</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="45" />
      <source>Bereik en acceptatie per maand</source>
      <translation>Reach and acceptance per month</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="46" />
      <source>Pogingen per zaak</source>
      <translation>Attempts per case</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="47" />
      <source>Op tijd benaderd en inspanning overschreven</source>
      <translation>Contacted in time and effort overridden</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="65" />
      <source>werkdag</source>
      <translation>weekday</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="67" />
      <source>zaterdag</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="73" />
      <source>1 poging</source>
      <translation>1 attempt</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="74" />
      <source>%1 pogingen</source>
      <translation>%1 attempts</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="88" />
      <source>bereik</source>
      <translation>reach</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="89" />
      <source>acceptatie</source>
      <translation>acceptance</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="102" />
      <source>Op tijd benaderd</source>
      <translation>Contacted in time</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="104" />
      <source>Inspanning overschreven (van 'geen contact')</source>
      <translation>Effort overridden (of 'no contact')</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="121" />
      <source>— (nog geen gegevens)</source>
      <translation>— (no data yet)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="123" />
      <source>%1 (%2 van %3; 95 %-interval %4)</source>
      <translation>%1 (%2 of %3; 95 % interval %4)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="135" />
      <source>Groep</source>
      <translation>Group</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="136" />
      <source>Aandeel</source>
      <translation>Share</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="137" />
      <source>Aantal</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="138" />
      <source>95 %-interval</source>
      <translation>95 % interval</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="160" />
      <source>Weinig gegevens: het echte aandeel kan overal in het interval liggen.</source>
      <translation>Little data: the true share can be anywhere in the interval.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="209" />
      <source>Zaak</source>
      <translation>Case</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="210" />
      <source>Termijn</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="211" />
      <source>Dagen</source>
      <translation>Days</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="212" />
      <source>Medewerker</source>
      <translation>Worker</translation>
    </message>
    <message>
      <location filename="../../ui/desk/models/report.py" line="213" />
      <source>Wijk</source>
      <translation>Neighbourhood</translation>
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <location filename="../../ui/desk/overview.py" line="106" />
      <source>Vernieuwen</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="108" />
      <source>PNG opslaan…</source>
      <translation>Save PNG…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="110" />
      <source>CSV opslaan…</source>
      <translation>Save CSV…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="142" />
      <source>Figuur</source>
      <translation>Figure</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="167" />
      <source>Cijfers</source>
      <translation>Figures</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="168" />
      <source>Termijnen</source>
      <translation>Deadlines</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="171" />
      <source>Zaken binnengekomen van</source>
      <translation>Cases received from</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="173" />
      <source>tot en met</source>
      <translation>up to and including</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="197" />
      <source>De periode klopt niet: 'tot en met' ligt vóór 'van'.</source>
      <translation>The period is wrong: 'up to' is before 'from'.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="202" />
      <source>Cijfers ophalen bij de server…</source>
      <translation>Fetching figures from the server…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="218" />
      <source>De server stuurde geen leesbaar overzicht.</source>
      <translation>The server did not send a readable overview.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="249" />
      <source>Het overzicht is niet beschikbaar zonder verbinding met de server.</source>
      <translation>The overview is not available without a connection to the server.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="261" />
      <source>zaken binnengekomen van %1 tot en met %2</source>
      <translation>cases received from %1 up to and including %2</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="266" />
      <source>Cijfers van de server (%1), opgehaald %2.</source>
      <translation>Figures from the server (%1), fetched %2.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="269" />
      <source>Offline — dit zijn de laatst opgehaalde cijfers (%1), van %2. Vernieuw als de server bereikbaar is.</source>
      <translation>Offline — these are the figures last fetched (%1), from %2. Refresh when the server can be reached.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="275" />
      <source>Let op: persoonsgegevens van een nog niet geleverde DDAS-periode worden op %1 verwijderd.</source>
      <translation>Note: personal data of a DDAS period not yet delivered will be removed on %1.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="287" />
      <source>%1 zaken, %2 contactpogingen (gemiddeld %3 per zaak). Op tijd benaderd: %4. Inspanning overschreven: %5.</source>
      <translation>%1 cases, %2 contact attempts (on average %3 per case). Contacted in time: %4. Effort overridden: %5.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="297" />
      <source>Op tijd benaderd (eerste poging uiterlijk op de termijn): %1.</source>
      <translation>Contacted in time (first attempt on or before the deadline): %1.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="304" />
      <source>Binnen 7 dagen (%1)</source>
      <translation>Within 7 days (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="306" />
      <source>Te laat (%1)</source>
      <translation>Overdue (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="320" />
      <source>Geen gegevens in deze periode.</source>
      <translation>No data in this period.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="357" />
      <source>Grafiek opslaan</source>
      <translation>Save chart</translation>
    </message>
    <message>
      <location filename="../../ui/desk/overview.py" line="364" />
      <source>Cijfers opslaan</source>
      <translation>Save figures</translation>
    </message>
  </context>
  <context>
    <name>PlanJob</name>
    <message>
      <location filename="../../ui/desk/board/plan_job.py" line="46" />
      <source>De planner is bezig…</source>
      <translation>The planner is working…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/plan_job.py" line="49" />
      <source>Plan automatisch</source>
      <translation>Plan automatically</translation>
    </message>
  </context>
  <context>
    <name>PlanningView</name>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="79" />
      <source>Diensten uit weeksjabloon</source>
      <translation>Shifts from week template</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="80" />
      <source>Plan automatisch</source>
      <translation>Plan automatically</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="81" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="87" />
      <source>Ongedaan maken</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="88" />
      <location filename="../../ui/desk/board/planning_view.py" line="421" />
      <source>Publiceren</source>
      <translation>Publish</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="92" />
      <source>Sleep bezoeken tussen diensten; dubbelklik zet vast.</source>
      <translation>Drag visits between shifts; double-click locks.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="113" />
      <source>&lt;b&gt;Niet ingepland&lt;/b&gt; — met de reden van de planner</source>
      <translation>&lt;b&gt;Not planned&lt;/b&gt; — with the planner's reason</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="202" />
      <source>Week %1: %2 t/m %3</source>
      <translation>Week %1: %2 to %3</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="258" />
      <source>Past: aankomst %1</source>
      <translation>Fits: arrival %1</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="258" />
      <source>Past</source>
      <translation>Fits</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="320" />
      <source>Vastgezet.</source>
      <translation>Locked.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="320" />
      <source>Losgemaakt.</source>
      <translation>Unlocked.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="321" />
      <source>Verplaatst.</source>
      <translation>Moved.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="323" />
      <source>Planning aanpassen</source>
      <translation>Change the plan</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="331" />
      <source>Inplannen</source>
      <translation>Plan in</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="333" />
      <source>Ingepland.</source>
      <translation>Planned.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="363" />
      <source>Deze week heeft al alle diensten van het sjabloon.</source>
      <translation>This week already has every shift of the template.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="373" />
      <source>Diensten maken</source>
      <translation>Create shifts</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="376" />
      <source>%1 diensten gemaakt (zondag en feestdagen overgeslagen).</source>
      <translation>%1 shifts created (Sunday and public holidays skipped).</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="404" />
      <source>Gepland: %1 bezoeken; %2 zaken niet ingepland (zie de reden).</source>
      <translation>Planned: %1 visits; %2 cases not planned (see the reason).</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="409" />
      <source>Planning afgebroken; er is niets veranderd.</source>
      <translation>Planning cancelled; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="411" />
      <source>De planner kon geen plan maken.</source>
      <translation>The planner could not make a plan.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/planning_view.py" line="425" />
      <source>Gepubliceerd: %1 diensten, %2 bezoeken. De laptops van de medewerkers krijgen hun route bij de volgende synchronisatie.</source>
      <translation>Published: %1 shifts, %2 visits. The workers' laptops get their routes at the next sync.</translation>
    </message>
  </context>
  <context>
    <name>PrintDialog</name>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="56" />
      <source>Kaartjes en brieven printen</source>
      <translation>Print cards and letters</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="105" />
      <source>Afdrukvoorbeeld</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="110" />
      <source>Opslaan als PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="112" />
      <source>Afdrukken…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="116" />
      <source>Sluiten</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="176" />
      <source>Er staat vandaag niets gepland om voor te printen.</source>
      <translation>Nothing is planned today to print for.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="179" />
      <source>Voorbeeld maken…</source>
      <translation>Making the preview…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="225" />
      <source>1 pagina</source>
      <translation>1 page</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="225" />
      <source>%1 pagina's</source>
      <translation>%1 pages</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="229" />
      <source>1 kaartje</source>
      <translation>1 card</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="229" />
      <source>%1 kaartjes</source>
      <translation>%1 cards</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="231" />
      <source>1 brief</source>
      <translation>1 letter</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="231" />
      <source>%1 brieven</source>
      <translation>%1 letters</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="247" />
      <source>Veldwerk</source>
      <translation>Veldwerk</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="268" />
      <source>Niet afgedrukt; er is niets opgeslagen.</source>
      <translation>Not printed; nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="283" />
      <source>Naar de printer sturen…</source>
      <translation>Sending to the printer…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="297" />
      <source>Afdrukken is afgebroken of mislukt. Er is niets vastgelegd.</source>
      <translation>Printing was cancelled or failed. Nothing was logged.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="300" />
      <source>✓ Naar de printer gestuurd (%1 blz.).</source>
      <translation>✓ Sent to the printer (%1 pages).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="305" />
      <source>Contactpogingen vastleggen…</source>
      <translation>Logging contact attempts…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="322" />
      <source>✓ Contactpoging 'Brief' vastgelegd.</source>
      <translation>✓ 'Letter' contact attempt logged.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="324" />
      <source>✓ %1 contactpogingen 'Brief' vastgelegd.</source>
      <translation>✓ %1 'Letter' contact attempts logged.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="327" />
      <source>De contactpogingen 'Brief' stonden in dit dagdeel al vast.</source>
      <translation>The 'Letter' contact attempts were already logged in this part of the day.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_dialog.py" line="350" />
      <source>✓ Opgeslagen als %1. Verwijder het bestand na het printen.</source>
      <translation>✓ Saved as %1. Delete the file after printing.</translation>
    </message>
  </context>
  <context>
    <name>PrintOptions</name>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="52" />
      <source>Niet-thuis-kaartjes</source>
      <translation>Not-at-home cards</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="54" />
      <source>Lege kaartjes (voorraad)</source>
      <translation>Blank cards (stock)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="57" />
      <source>Brief: aankondiging huisbezoek</source>
      <translation>Letter: home visit announcement</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="58" />
      <source>Brief: hulpaanbod</source>
      <translation>Letter: offer of help</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="59" />
      <source>Brief: u bent nog steeds welkom</source>
      <translation>Letter: you are still welcome</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="60" />
      <source>Brief: bevestiging afspraak</source>
      <translation>Letter: appointment confirmation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="65" />
      <source>Proefafdruk venster-envelop</source>
      <translation>Window envelope test print</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="74" />
      <source>Voor huishoudens zonder eigen taal. Een huishouden waarvoor een taal is gekozen, krijgt zijn kaartje of brief in die taal.</source>
      <translation>For households without a language of their own. A household with a chosen language gets its card or letter in that language.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="79" />
      <source>A4, 4 kaartjes per vel (knippen)</source>
      <translation>A4, 4 cards per sheet (cut)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="80" />
      <source>A6, één kaartje per pagina</source>
      <translation>A6, one card per page</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="81" />
      <source>Drukkerij (A6 met afloop)</source>
      <translation>Print shop (A6 with bleed)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="85" />
      <source>Venster: verschuiving naar rechts (mm)</source>
      <translation>Window: shift to the right (mm)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="86" />
      <source>Venster: verschuiving omlaag (mm)</source>
      <translation>Window: shift down (mm)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="96" />
      <source>Leg een contactpoging 'Brief' vast voor deze zaken</source>
      <translation>Log a 'Letter' contact attempt for these cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="99" />
      <source>Pas na het versturen naar de printer; twee keer printen telt één keer.</source>
      <translation>Only after the job was sent to the printer; printing twice counts once.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="103" />
      <source>Een achtergelaten kaartje legt u vast bij het bezoek: 'Niet thuis, kaartje achtergelaten'.</source>
      <translation>Log a card you leave behind at the visit: 'Not at home, card left'.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="111" />
      <source>Dubbelzijdig printen, omslaan over de lange kant: dan valt de achterkant van elk kaartje precies achter de voorkant. Zonder dubbelzijdig: print de oneven pagina's, leg de stapel terug en print de even pagina's.</source>
      <translation>Print double-sided, flipping on the long edge: each card's back then lands exactly behind its front. Without duplex: print the odd pages, put the stack back and print the even pages.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="121" />
      <source>&amp;Wat:</source>
      <translation>&amp;What:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="122" />
      <source>&amp;Voor:</source>
      <translation>&amp;For:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="123" />
      <source>&amp;Taal:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="124" />
      <source>&amp;Opmaak:</source>
      <translation>La&amp;yout:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="125" />
      <source>&amp;Aantal:</source>
      <translation>&amp;Number:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="126" />
      <source>Ve&amp;nster:</source>
      <translation>Wi&amp;ndow:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="147" />
      <source>Route %1 · %2 adressen</source>
      <translation>Route %1 · %2 addresses</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="154" />
      <source>Deze zaak: %1</source>
      <translation>This case: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/print_options.py" line="157" />
      <source>Zaken in de lijst (%1)</source>
      <translation>Cases in the list (%1)</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <location filename="../../ui/dialogs/reason_dialog.py" line="42" />
      <source>Reden</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/reason_dialog.py" line="51" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/reason_dialog.py" line="64" />
      <source>Geef een reden op.</source>
      <translation>Give a reason.</translation>
    </message>
  </context>
  <context>
    <name>Reasons</name>
    <message>
      <location filename="../../ui/reason_labels.py" line="23" />
      <source>Crisissignaal of einde levering energie (+%1)</source>
      <translation>Crisis signal or end of energy supply (+%1)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="27" />
      <source>Meervoudig signaal: %1 (+%2)</source>
      <translation>Multiple signals: %1 (+%2)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="31" />
      <source>Opeenvolgend: eerder signaal op dit adres (+%1)</source>
      <translation>Consecutive: earlier signal at this address (+%1)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="35" />
      <source>Huurachterstand: risico op huisuitzetting (+%1)</source>
      <translation>Rent arrears: risk of eviction (+%1)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="39" />
      <source>Totaalbedrag %1 (vanaf %2) (+%3)</source>
      <translation>Total amount %1 (from %2) (+%3)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="43" />
      <source>Jongere (t/m %1 jaar) (+%2)</source>
      <translation>Young person (up to %1 years) (+%2)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="47" />
      <source>Warme overdracht: iemand vraagt om contact (+%1)</source>
      <translation>Warm handover: someone asks for contact (+%1)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="51" />
      <source>Enkelvoudig signaal zonder extra risico (0)</source>
      <translation>Single signal without extra risk (0)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="55" />
      <source>Termijn verlopen (+%1)</source>
      <translation>Deadline passed (+%1)</translation>
    </message>
    <message>
      <location filename="../../ui/reason_labels.py" line="59" />
      <source>Termijn binnen 7 dagen (+%1)</source>
      <translation>Deadline within 7 days (+%1)</translation>
    </message>
  </context>
  <context>
    <name>ReopenCaseDialog</name>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="34" />
      <source>Zaak heropenen</source>
      <translation>Reopen case</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="35" />
      <source>Deze zaak is afgesloten als «%1». Waarom heropent u hem? Uw reden wordt vastgelegd en gaat mee naar de server.</source>
      <translation>This case was closed as “%1”. Why are you reopening it? Your reason is recorded and sent to the server.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="40" />
      <source>Heropenen</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="41" />
      <source>Reden, bijv. inwoner belde terug</source>
      <translation>Reason, e.g. the resident called back</translation>
    </message>
  </context>
  <context>
    <name>SavePdfFlow</name>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="38" />
      <source>Persoonsgegevens</source>
      <translation>Personal data</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="39" />
      <source>Dit PDF-bestand bevat namen en adressen. Bewaar het alleen op deze computer of een versleutelde schijf, niet in een gedeelde map of in de cloud, en verwijder het als het geprint is.</source>
      <translation>This PDF file contains names and addresses. Keep it only on this computer or an encrypted drive, not in a shared folder or the cloud, and delete it once it is printed.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="49" />
      <source>Begrepen, opslaan…</source>
      <translation>Understood, save…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="51" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="96" />
      <source>PDF opslaan</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="99" />
      <source>PDF-bestanden (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/save_pdf.py" line="116" />
      <source>Opslaan is mislukt. Kies een andere map.</source>
      <translation>Saving failed. Choose another folder.</translation>
    </message>
  </context>
  <context>
    <name>ServerForm</name>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="37" />
      <source>De gebruikersnaam of het wachtwoord klopt niet.</source>
      <translation>The user name or password is not correct.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="52" />
      <source>Serveradres</source>
      <translation>Server address</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="54" />
      <source>Gebruikersnaam</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="57" />
      <source>Wachtwoord op de server</source>
      <translation>Password on the server</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="59" />
      <source>alleen als uw gemeente dat zegt</source>
      <translation>only if your municipality says so</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="60" />
      <source>Certificaatbestand (CA)</source>
      <translation>Certificate file (CA)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="61" />
      <source>Kiezen…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="69" />
      <source>&amp;Serveradres:</source>
      <translation>&amp;Server address:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="70" />
      <source>&amp;Gebruikersnaam:</source>
      <translation>&amp;User name:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="71" />
      <source>Wacht&amp;woord:</source>
      <translation>Pass&amp;word:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="72" />
      <source>&amp;Certificaat (CA):</source>
      <translation>&amp;Certificate (CA):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="93" />
      <source>Certificaatbestand kiezen</source>
      <translation>Choose certificate file</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="95" />
      <source>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="106" />
      <source>Vul het adres van de server in.</source>
      <translation>Enter the server's address.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="115" />
      <source>Vul uw gebruikersnaam in.</source>
      <translation>Enter your user name.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="117" />
      <source>Vul uw wachtwoord voor de server in.</source>
      <translation>Enter your password for the server.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/connect_dialog.py" line="120" />
      <source>Het certificaatbestand bestaat niet.</source>
      <translation>The certificate file does not exist.</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="48" />
      <source>Instellingen</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="55" />
      <source> minuten</source>
      <translation> minutes</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="58" />
      <source>&amp;Taal:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="59" />
      <source>&amp;Vergrendelen na:</source>
      <translation>&amp;Lock after:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="62" />
      <source>bijv. Sanne de Wit</source>
      <translation>e.g. Sanne de Wit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="64" />
      <source>direct nummer, bijv. 06 12345678</source>
      <translation>direct number, e.g. 06 12345678</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="66" />
      <source>leeg: hetzelfde als telefoon</source>
      <translation>empty: same as phone</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="67" />
      <source>Uw gegevens op kaartjes en brieven</source>
      <translation>Your details on cards and letters</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="77" />
      <source>&amp;Naam:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="78" />
      <source>Tele&amp;foon:</source>
      <translation>&amp;Phone:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="79" />
      <source>&amp;WhatsApp:</source>
      <translation>&amp;WhatsApp:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="88" />
      <source>&amp;Over Veldwerk…</source>
      <translation>&amp;About Veldwerk…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="103" />
      <source>&lt;b&gt;Veldwerk %1&lt;/b&gt;&lt;br&gt;Veldapp voor vroegsignalering: versleuteld, ook zonder internet.&lt;br&gt;Licentie: EUPL-1.2. Lettertype DejaVu Sans (vrije licentie).</source>
      <translation>&lt;b&gt;Veldwerk %1&lt;/b&gt;&lt;br&gt;Field app for early signalling of payment arrears: encrypted, works offline.&lt;br&gt;Licence: EUPL-1.2. Font DejaVu Sans (free licence).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="108" />
      <source>Over Veldwerk</source>
      <translation>About Veldwerk</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="119" />
      <source>Ontgrendel Veldwerk om uw gegevens te wijzigen.</source>
      <translation>Unlock Veldwerk to change your details.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="121" />
      <source>Laden…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/settings_dialog.py" line="133" />
      <source>Zonder naam en telefoonnummer print Veldwerk geen kaartjes of brieven. Leeg laten: de gegevens van de server.</source>
      <translation>Without a name and phone number Veldwerk prints no cards or letters. Leave empty: the details from the server.</translation>
    </message>
  </context>
  <context>
    <name>Signals</name>
    <message>
      <location filename="../../ui/models/case_detail.py" line="42" />
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="43" />
      <source>Bedrag</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="44" />
      <source>Sinds</source>
      <translation>Since</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="45" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusBar</name>
    <message>
      <location filename="../../ui/views/status_bar.py" line="102" />
      <source>Stoppen</source>
      <translation>Stop</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="104" />
      <source>Synchroniseren stoppen; wat al verstuurd is, blijft verstuurd</source>
      <translation>Stop syncing; whatever was already sent stays sent</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="106" />
      <source>&amp;Synchroniseren</source>
      <translation>&amp;Sync</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="107" />
      <source>Werk versturen en nieuwe zaken ophalen</source>
      <translation>Send work and fetch new cases</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="108" />
      <source>Verbinden met server…</source>
      <translation>Connect to server…</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="129" />
      <source>Deze opslag is nog niet verbonden met de server van het team</source>
      <translation>This storage is not yet connected to the team's server</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="141" />
      <source>Nog nooit gesynchroniseerd</source>
      <translation>Never synced</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="145" />
      <source>vandaag %1</source>
      <translation>today %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="147" />
      <source>gisteren %1</source>
      <translation>yesterday %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="150" />
      <source>Laatst gesynchroniseerd: %1</source>
      <translation>Last synced: %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="154" />
      <source>Verbinding nog onbekend</source>
      <translation>Connection not known yet</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="157" />
      <source>● Online</source>
      <translation>● Online</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="160" />
      <source>○ Offline</source>
      <translation>○ Offline</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="166" />
      <source>Alles verstuurd</source>
      <translation>Everything sent</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="171" />
      <source>1 poging nog niet verstuurd</source>
      <translation>1 attempt not sent yet</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="173" />
      <source>%1 pogingen nog niet verstuurd</source>
      <translation>%1 attempts not sent yet</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="175" />
      <source>Let op: %1, langer dan 24 uur</source>
      <translation>Attention: %1, for more than 24 hours</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="179" />
      <source>Er staat werk klaar dat al meer dan een dag niet verstuurd is. Maak verbinding met internet en synchroniseer.</source>
      <translation>Some work has been waiting for more than a day. Connect to the internet and sync.</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="186" />
      <source>Bewaard op deze laptop; wordt verstuurd bij de volgende synchronisatie</source>
      <translation>Kept on this laptop; sent at the next sync</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="193" />
      <source>Verbinden…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="199" />
      <source>Werk versturen… %1 van %2</source>
      <translation>Sending work… %1 of %2</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="206" />
      <source>Zaken ophalen… %1</source>
      <translation>Fetching cases… %1</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="209" />
      <source>Gegevens wissen…</source>
      <translation>Erasing data…</translation>
    </message>
    <message>
      <location filename="../../ui/views/status_bar.py" line="212" />
      <source>Afronden…</source>
      <translation>Finishing…</translation>
    </message>
  </context>
  <context>
    <name>TemplateDialog</name>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="33" />
      <source>Diensten uit weeksjabloon</source>
      <translation>Shifts from week template</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="37" />
      <source>Medewerker</source>
      <translation>Worker</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="37" />
      <source>Vervoer</source>
      <translation>Travel mode</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="37" />
      <source>Startpunt (breedte, lengte)</source>
      <translation>Start point (latitude, longitude)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="53" />
      <source>leeg: midden van de eigen zaken</source>
      <translation>empty: centre of their own cases</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="68" />
      <source>Een normale week: ochtend en middag op werkdagen, dinsdag- en donderdagavond, zaterdagochtend. Zondagen en feestdagen worden overgeslagen.</source>
      <translation>A normal week: mornings and afternoons on working days, Tuesday and Thursday evenings, Saturday morning. Sundays and public holidays are skipped.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/board/template_dialog.py" line="93" />
      <source>Startpunt niet begrepen: schrijf twee getallen, bijv. 51.44, 5.47.</source>
      <translation>Start point not understood: write two numbers, e.g. 51.44, 5.47.</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="../../ui/models/case_detail.py" line="81" />
      <source>Wanneer</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="82" />
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="83" />
      <source>Resultaat</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="84" />
      <source>Notitie</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="126" />
      <source>correctie: vorige poging doorgestreept</source>
      <translation>correction: earlier attempt struck out</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="130" />
      <source>bereikt</source>
      <translation>reached</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="132" />
      <source>niet bereikt</source>
      <translation>not reached</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="135" />
      <source>wil hulp</source>
      <translation>wants help</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="137" />
      <source>geen hulp nodig</source>
      <translation>no help needed</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="139" />
      <source>doorgestreept</source>
      <translation>struck out</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_detail.py" line="143" />
      <source>Reden: %1</source>
      <translation>Reason: %1</translation>
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <location filename="../../ui/views/timeline_panel.py" line="21" />
      <source>Tijdlijn van pogingen</source>
      <translation>Timeline of attempts</translation>
    </message>
    <message>
      <location filename="../../ui/views/timeline_panel.py" line="22" />
      <source>Poging doorstrepen…</source>
      <translation>Strike out attempt…</translation>
    </message>
    <message>
      <location filename="../../ui/views/timeline_panel.py" line="24" />
      <source>Tijdlijn</source>
      <translation>Timeline</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <location filename="../../ui/views/today_view.py" line="73" />
      <source>Vandaag</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="79" />
      <source>Zoek op naam, adres of postcode</source>
      <translation>Search by name, address or postcode</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="82" />
      <source>Zoeken</source>
      <translation>Search</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="85" />
      <source>Wijk</source>
      <translation>District</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="88" />
      <source>&amp;Wijk:</source>
      <translation>&amp;District:</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="100" />
      <source>Zaken voor vandaag</source>
      <translation>Cases for today</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="112" />
      <source>Geen zaken gevonden.</source>
      <translation>No cases found.</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="135" />
      <source>Kaartjes en brieven…</source>
      <translation>Cards and letters…</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="136" />
      <source>Printen voor de route of de zaken in de lijst</source>
      <translation>Print for the route or the cases in the list</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="243" />
      <source>Alle wijken</source>
      <translation>All districts</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="276" />
      <source>%1 · geplande route</source>
      <translation>%1 · planned route</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="279" />
      <source>%1 · open zaken op prioriteit en termijn</source>
      <translation>%1 · open cases by priority and deadline</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="283" />
      <source>%1 zaken</source>
      <translation>%1 cases</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="286" />
      <source>%1 van %2 zaken</source>
      <translation>%1 of %2 cases</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="346" />
      <source>Synchroniseer eerst: het is te lang geleden</source>
      <translation>Sync first: it has been too long</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="351" />
      <source>Deze laptop heeft al meer dan 14 dagen niet met de server gesynchroniseerd. Daarom zijn de gegevens van zaken verborgen tot de volgende geslaagde synchronisatie. Wat u al hebt vastgelegd, blijft bewaard en wordt dan verstuurd.</source>
      <translation>This laptop has not synced with the server for more than 14 days. Case details are therefore hidden until the next successful sync. Everything you recorded is kept and will be sent then.</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="357" />
      <source>Nu &amp;synchroniseren</source>
      <translation>&amp;Sync now</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="118" />
      <source>&amp;Route vandaag</source>
      <translation>&amp;Today's route</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="119" />
      <source>&amp;Alle zaken</source>
      <translation>&amp;All cases</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="126" />
      <source>Alle zaken van u, ook afgesloten; ook offline</source>
      <translation>All your cases, closed ones too; also offline</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="271" />
      <source>%1 · alle zaken, ook afgesloten (zoeken werkt ook offline)</source>
      <translation>%1 · all cases, closed ones too (search works offline)</translation>
    </message>
    <message>
      <location filename="../../ui/views/today_view.py" line="105" />
      <source>Niet thuis: straks terug (achteraan de route)</source>
      <translation>Not home: come back later (end of the route)</translation>
    </message>
  </context>
  <context>
    <name>Triage</name>
    <message>
      <location filename="../../ui/desk/models/triage.py" line="315" />
      <source>niet toegewezen</source>
      <translation>not assigned</translation>
    </message>
  </context>
  <context>
    <name>TriageFilterBar</name>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="26" />
      <source>Zoek op naam, adres of postcode</source>
      <translation>Search by name, address or postcode</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="30" />
      <source>PC van</source>
      <translation>PC from</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="32" />
      <source>PC tot</source>
      <translation>PC to</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="37" />
      <source>Alle partners</source>
      <translation>All partners</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="41" />
      <source>Elk bedrag</source>
      <translation>Any amount</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="45" />
      <source>Elke leeftijd</source>
      <translation>Any age</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="50" />
      <source>Elke termijn</source>
      <translation>Any deadline</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="50" />
      <source>Binnen 7 dagen</source>
      <translation>Within 7 days</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="50" />
      <source>Te laat</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="87" />
      <source>Alle wijken</source>
      <translation>All districts</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="98" />
      <source>Iedereen</source>
      <translation>Everyone</translation>
    </message>
    <message>
      <location filename="../../ui/desk/filter_bar.py" line="99" />
      <source>Niet toegewezen</source>
      <translation>Not assigned</translation>
    </message>
  </context>
  <context>
    <name>TriageView</name>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="91" />
      <location filename="../../ui/desk/triage_view.py" line="266" />
      <source>Toewijzen</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="96" />
      <location filename="../../ui/desk/triage_view.py" line="276" />
      <source>Aanpak vastleggen</source>
      <translation>Record approach</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="98" />
      <source>Niet opgepakt…</source>
      <translation>Not taken up…</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="100" />
      <location filename="../../ui/desk/triage_view.py" line="295" />
      <source>BRP-controle</source>
      <translation>BRP check</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="102" />
      <source>Controleer de gekozen zaken nu in de BRP (via de server van de gemeente)</source>
      <translation>Check the chosen cases in the BRP now (through the municipality's server)</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="111" />
      <source>Selectie:</source>
      <translation>Selection:</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="182" />
      <source>%1 van %2 zaken</source>
      <translation>%1 of %2 cases</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="214" />
      <source>%1 zaken geselecteerd.</source>
      <translation>%1 cases selected.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="260" />
      <source>%1 zaken toegewezen aan %2.</source>
      <translation>%1 cases assigned to %2.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="278" />
      <source>Aanpak vastgelegd voor %1 zaken.</source>
      <translation>Approach recorded for %1 cases.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="290" />
      <source>%1 zaken gecontroleerd in de BRP; %2 verhuisd naar een ander adres.</source>
      <translation>%1 cases checked in the BRP; %2 moved to another address.</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="313" />
      <source>Niet opgepakt</source>
      <translation>Not taken up</translation>
    </message>
    <message>
      <location filename="../../ui/desk/triage_view.py" line="315" />
      <source>%1 zaken gesloten als niet opgepakt.</source>
      <translation>%1 cases closed as not taken up.</translation>
    </message>
  </context>
  <context>
    <name>UnlockPage</name>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="108" />
      <source>Veldwerk is vergrendeld</source>
      <translation>Veldwerk is locked</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="109" />
      <source>Voer uw wachtwoordzin in om verder te werken.</source>
      <translation>Enter your passphrase to continue.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="110" />
      <location filename="../../ui/views/unlock_page.py" line="111" />
      <source>Wachtwoordzin</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="112" />
      <source>&amp;Ontgrendelen</source>
      <translation>&amp;Unlock</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="126" />
      <source>Vul uw wachtwoordzin in.</source>
      <translation>Enter your passphrase.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="131" />
      <source>Bezig met ontgrendelen…</source>
      <translation>Unlocking…</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="160" />
      <source>Ontgrendelen lukte niet door een fout. Uw gegevens zijn niet veranderd.</source>
      <translation>Unlocking failed because of an error. Your data has not changed.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="173" />
      <source>De wachtwoordzin klopt niet.</source>
      <translation>The passphrase is not correct.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="175" />
      <source>Probeer het over 1 seconde opnieuw.</source>
      <translation>Try again in 1 second.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="177" />
      <source>Probeer het over %1 seconden opnieuw.</source>
      <translation>Try again in %1 seconds.</translation>
    </message>
    <message>
      <location filename="../../ui/views/unlock_page.py" line="181" />
      <source>U kunt het opnieuw proberen.</source>
      <translation>You can try again.</translation>
    </message>
  </context>
  <context>
    <name>VoidAttemptDialog</name>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="12" />
      <source>Poging doorstrepen</source>
      <translation>Strike out attempt</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="13" />
      <source>De poging blijft zichtbaar, doorgestreept, met uw reden erbij:
%1</source>
      <translation>The attempt stays visible, struck out, with your reason:
%1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="18" />
      <source>Reden, bijv. verkeerde zaak gekozen</source>
      <translation>Reason, e.g. wrong case chosen</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/void_attempt.py" line="17" />
      <source>Doorstrepen</source>
      <translation>Strike out</translation>
    </message>
  </context>
</TS>

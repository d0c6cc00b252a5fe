-- De stand van elke herkomst, aan het begin en vóór de commit van een schrijftransactie (kompas.db): opgehaald_op, en
-- een afdruk van elke andere kolom van herkomst die stg_waarneming (en daarmee elke afgeleide rij) leest. Noemt een
-- schrijver een herkomst waarvan hij alleen de rij in herkomst verving (kompas.db.raakt, `opgehaald`: een verversing
-- die dezelfde rijen terugkreeg), en is de afdruk gelijk, dan kan van haar afgeleide rijen alleen opgehaald_op
-- veranderen, en de voorkeur tussen twee cijfers voor dezelfde cel (marts/05: het laatst opgehaalde gaat voor).
-- tests/test_afgeleid_bijwerken.py toetst dat de afdruk elke kolom noemt die stg_waarneming uit herkomst leest.
select
    herkomst_id,
    opgehaald_op,
    hash(soort, bron, titel, tabel_id, adres, gelezen_in, licentie, bronfamilie) as afdruk
from herkomst
